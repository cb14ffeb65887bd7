import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock, addCalendarDays, seoulStartOfDay } from '@roastery/clock';
import type { ReconciliationQuery, ReconciliationReportDto } from '@roastery/contracts';
import { ApiException } from '@roastery/http';
import { TossApiError, TossClient, TossError, toKstLocalDateTime } from '@roastery/toss';
import type { DataSource } from 'typeorm';
import { CONFIG, type AdminServiceConfig } from '../config';
import { type OurPayment, type OurRefund, reconcile, type TossTx } from './reconciliation.rules';

/** Rows just across the period's edges, used only to pair rows of the period (clocks differ slightly). */
const EDGE_MARGIN_MS = 10 * 60_000;
const MAX_DAYS = 31;

/**
 * Compares the payments read model with Toss's transactions of a period (every page, through
 * libs/toss, read-only). Synchronous and bounded: the whole walk must finish within
 * RECONCILIATION_TIMEOUT_MS or the request answers 504 (ADR 0020).
 */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly toss: TossClient,
    @Inject(CONFIG) private readonly config: AdminServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Builds the report of one day (`date`) or of `from`..`to` (Seoul days, both included). */
  async report(q: ReconciliationQuery): Promise<ReconciliationReportDto> {
    // The schema guarantees either date, or both from and to.
    const from = q.date ?? q.from ?? '';
    const to = q.date ?? q.to ?? '';
    let start: Date;
    let end: Date;
    try {
      start = seoulStartOfDay(from);
      end = seoulStartOfDay(addCalendarDays(to, 1));
    } catch {
      throw new ApiException(400, 'VALIDATION_FAILED', 'not a calendar date');
    }
    if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) throw new ApiException(400, 'VALIDATION_FAILED', `at most ${MAX_DAYS} days at a time`);
    const wideStart = new Date(start.getTime() - EDGE_MARGIN_MS);
    const wideEnd = new Date(end.getTime() + EDGE_MARGIN_MS);

    const listed = await this.listToss(wideStart, wideEnd);
    const [payments, refunds] = await Promise.all([this.ourPayments(wideStart, wideEnd), this.ourRefunds(wideStart, wideEnd)]);
    const result = reconcile({ start, end }, { payments, refunds }, listed.transactions);
    return {
      from,
      to,
      generatedAt: this.clock.now().toISOString(),
      toss: { baseUrl: this.toss.baseUrl, mode: this.toss.mode, pages: listed.pages, transactions: listed.transactions.length },
      totals: { ours: result.ours, toss: result.toss },
      matchedCharges: result.matchedCharges,
      mismatches: result.mismatches,
    };
  }

  /** Every page of Toss's transactions between two instants, within the configured deadline. */
  private async listToss(start: Date, end: Date): Promise<{ pages: number; transactions: TossTx[] }> {
    const deadline = AbortSignal.timeout(this.config.RECONCILIATION_TIMEOUT_MS);
    const transactions: TossTx[] = [];
    let pages = 0;
    try {
      const query = { startDate: toKstLocalDateTime(start), endDate: toKstLocalDateTime(new Date(end.getTime() - 1000)), limit: this.config.RECONCILIATION_PAGE_SIZE };
      for await (const page of this.toss.transactionPages(query, { signal: deadline, timeoutMs: this.config.RECONCILIATION_TIMEOUT_MS })) {
        pages += 1;
        for (const t of page) transactions.push({ transactionKey: t.transactionKey, paymentKey: t.paymentKey, orderId: t.orderId, status: t.status, amount: t.amount, at: new Date(t.transactionAt) });
      }
    } catch (e) {
      if (deadline.aborted) throw new ApiException(504, 'PAYMENT_PROVIDER_UNAVAILABLE', `Toss's transactions listing did not finish within ${this.config.RECONCILIATION_TIMEOUT_MS} ms (${pages} page(s) read); try a shorter period`);
      if (e instanceof TossApiError) throw new ApiException(502, 'PAYMENT_PROVIDER_UNAVAILABLE', `Toss refused the transactions listing: ${e.code}`);
      if (e instanceof TossError) throw new ApiException(502, 'PAYMENT_PROVIDER_UNAVAILABLE', `Toss's transactions listing failed: ${e.message}`);
      throw e;
    }
    return { pages, transactions };
  }

  private async ourPayments(start: Date, end: Date): Promise<OurPayment[]> {
    const rows: { order_id: string; payment_key: string | null; toss_order_id: string | null; total_won: string; paid_at: Date }[] = await this.ds.query(
      `SELECT order_id, payment_key, toss_order_id, total_won, paid_at FROM payments WHERE paid_at >= $1 AND paid_at < $2`,
      [start, end],
    );
    return rows.map((r) => ({ orderId: r.order_id, paymentKey: r.payment_key, tossOrderId: r.toss_order_id, totalWon: Number(r.total_won), paidAt: r.paid_at }));
  }

  private async ourRefunds(start: Date, end: Date): Promise<OurRefund[]> {
    const rows: { refund_id: string; order_id: string; payment_key: string; amount_won: string; completed_at: Date }[] = await this.ds.query(
      `SELECT refund_id, order_id, payment_key, amount_won, completed_at FROM payment_refunds
        WHERE status = 'COMPLETED' AND completed_at >= $1 AND completed_at < $2 AND payment_key IS NOT NULL`,
      [start, end],
    );
    return rows.map((r) => ({ refundId: r.refund_id, orderId: r.order_id, paymentKey: r.payment_key, amountWon: Number(r.amount_won), completedAt: r.completed_at }));
  }
}
