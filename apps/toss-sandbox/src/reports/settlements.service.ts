import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TossSettlement } from '@roastery/toss';
import { Between, In, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { kstDate, formatKst, parseKstLocal } from '../common/kst';
import { tossError } from '../common/toss-errors';
import { PaymentCancelEntity } from '../payments/payment-cancel.entity';
import { PaymentEntity } from '../payments/payment.entity';
import { toTossCancel } from '../payments/payment.mapper';
import { SettingsService } from '../settings/settings.service';
import { addBusinessDays, cancelFeeRefunds, feeFor, splitFee } from './settlement.rules';

/** Query of `GET /v1/settlements` as received. */
export interface SettlementQuery {
  startDate?: string;
  endDate?: string;
  dateType?: string;
  page?: string;
  size?: string;
}

/**
 * `GET /v1/settlements`, generated from the sandbox's own payments: one row per approval and one
 * negative row per cancel, available from the day after, paid out D+N business days later.
 */
@Injectable()
export class SettlementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  /** One page of settlement rows, ordered by sold date then time. */
  async list(query: SettlementQuery): Promise<TossSettlement[]> {
    if (!query.startDate || !query.endDate) throw tossError('INVALID_REQUEST', 'startDate와 endDate는 필수입니다.');
    const start = parseDate(query.startDate);
    const end = parseDate(query.endDate);
    const dateType = query.dateType ?? 'soldDate';
    if (dateType !== 'soldDate' && dateType !== 'paidOutDate') throw tossError('INVALID_REQUEST', 'dateType은 soldDate 또는 paidOutDate 입니다.');
    const page = parseCount(query.page, 1, 1, Number.MAX_SAFE_INTEGER);
    const size = parseCount(query.size, 100, 1, 5000);

    const settings = this.settings.current;
    const holidays = new Set(settings.holidays);
    // Payout dates trail sold dates by N business days, so look back far enough for paidOutDate queries.
    const lookbackDays = dateType === 'paidOutDate' ? settings.payoutBusinessDays * 2 + 30 : 0;
    const from = new Date(start.getTime() - lookbackDays * 86_400_000);
    const to = new Date(end.getTime() + 86_400_000);
    const today = kstDate(this.clock.now());

    const payments = await this.paymentsTouched(from, to);
    const rows = payments.flatMap(({ payment, cancels }) => this.rowsOf(payment, cancels, settings.mId, settings.payoutBusinessDays, holidays));
    const startDate = kstDate(start);
    const endDate = kstDate(end);
    return rows
      .filter((r) => r.soldDate < today)
      .filter((r) => r[dateType] >= startDate && r[dateType] <= endDate)
      .sort((a, b) => a.soldDate.localeCompare(b.soldDate) || a.sortKey - b.sortKey)
      .slice((page - 1) * size, page * size)
      .map(({ sortKey: _sortKey, ...row }) => row);
  }

  private async paymentsTouched(from: Date, to: Date): Promise<{ payment: PaymentEntity; cancels: PaymentCancelEntity[] }[]> {
    const approved = await this.dataSource.getRepository(PaymentEntity).find({ where: { approvedAt: Between(from, to) }, select: { paymentKey: true } });
    const cancelled = await this.dataSource.getRepository(PaymentCancelEntity).find({ where: { canceledAt: Between(from, to) }, select: { paymentKey: true } });
    const keys = [...new Set([...approved, ...cancelled].map((p) => p.paymentKey))];
    if (keys.length === 0) return [];
    const payments = await this.dataSource.getRepository(PaymentEntity).findBy({ paymentKey: In(keys) });
    const cancels = await this.dataSource.getRepository(PaymentCancelEntity).find({ where: { paymentKey: In(keys) }, order: { seq: 'ASC' } });
    return payments.filter((p) => p.approvedAt).map((payment) => ({ payment, cancels: cancels.filter((c) => c.paymentKey === payment.paymentKey) }));
  }

  private rowsOf(payment: PaymentEntity, cancels: PaymentCancelEntity[], mId: string, payoutDays: number, holidays: ReadonlySet<string>) {
    const approvedAt = payment.approvedAt ?? payment.requestedAt;
    const approvalFee = feeFor(payment.totalAmount, payment.feeRateBp);
    const refunds = cancelFeeRefunds(payment.totalAmount, approvalFee, cancels.map((c) => c.cancelAmount), payment.feeRateBp);
    const card = { issuerCode: payment.card.issuerCode, acquirerCode: payment.card.acquirerCode, number: payment.card.number, cardType: payment.card.cardType, ownerType: payment.card.ownerType };
    const row = (transactionKey: string, at: Date, amount: number, fee: number, cancel: ReturnType<typeof toTossCancel> | null) => {
      const soldDate = kstDate(at);
      return {
        mId,
        paymentKey: payment.paymentKey,
        transactionKey,
        orderId: payment.orderId,
        currency: 'KRW',
        method: '카드',
        amount,
        interestFee: 0,
        fees: [{ type: 'BASE', fee }],
        // Real responses carry this undocumented total next to `fees`.
        ...splitFee(fee),
        payOutAmount: amount - fee,
        approvedAt: formatKst(approvedAt),
        soldDate,
        paidOutDate: addBusinessDays(soldDate, payoutDays, holidays),
        card,
        easyPay: null,
        giftCertificate: null,
        mobilePhone: null,
        transfer: null,
        virtualAccount: null,
        cancel,
        sortKey: at.getTime(),
      };
    };
    return [
      row(payment.approvalTransactionKey ?? payment.paymentKey, approvedAt, payment.totalAmount, approvalFee, null),
      ...cancels.map((c, i) => row(c.transactionKey, c.canceledAt, -c.cancelAmount, -(refunds[i] ?? 0), toTossCancel(c))),
    ];
  }
}

function parseDate(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseKstLocal(value) : undefined;
  if (!date) throw tossError('INVALID_DATE');
  return date;
}

function parseCount(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw tossError('INVALID_REQUEST', `${min}~${max} 사이의 정수여야 합니다.`);
  return n;
}
