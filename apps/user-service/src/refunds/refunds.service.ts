import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK } from '@roastery/clock';
import { type PayloadOf, refundRefused, type refundRequested } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import type { EntityManager } from 'typeorm';
import { Refund, type RequesterRole } from './refund.entity';

/** A refund as asked for: by admin-service or business-service (`refund.requested`), or by us (SYSTEM). */
export type RefundRequest = PayloadOf<typeof refundRequested>;

/** What has been refunded of an order, for its detail and for validation. */
export interface RefundTotals {
  balanceWon: number;
  lineRefunds: Map<string, number>;
  shippingRefunds: Map<string, number>;
}

/**
 * Takes refund requests into the per-payment queue (docs/adr/0019-refunds.md). A request only
 * becomes a QUEUED row here; RefundProcessor validates and sends it when its turn comes, so
 * concurrent requests are checked one after another against the ledger as it then stands.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Queues a refund in the caller's transaction, once per refund id (a repeated request changes
   * nothing). Refuses at once what has no payment to refund. Returns true when the queue has new work.
   */
  async enqueue(em: EntityManager, r: RefundRequest): Promise<boolean> {
    const [charge]: { payment_key: string }[] = await em.query(`SELECT payment_key FROM payment_ledger WHERE order_id = $1 AND kind = 'CHARGE'`, [r.orderId]);
    const [{ exists }]: { exists: boolean }[] = await em.query(`SELECT EXISTS (SELECT 1 FROM orders WHERE id = $1) AS exists`, [r.orderId]);
    const refusal = !exists ? ({ code: 'UNKNOWN_ORDER', message: 'no such order' } as const) : !charge ? ({ code: 'NOT_PAID', message: 'the order has no payment to refund' } as const) : null;
    const inserted: unknown[] = await em.query(
      `INSERT INTO refunds (id, order_id, requested_amount_won, reason, requester_role, requester_user_id, requester_partner_id, status, refused_code, refused_message, requested_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        r.refundId,
        r.orderId,
        r.amountWon,
        r.reason,
        r.requestedBy.role satisfies RequesterRole,
        r.requestedBy.userId,
        r.requestedBy.partnerId,
        refusal ? 'REFUSED' : 'QUEUED',
        refusal?.code ?? null,
        refusal?.message ?? null,
        new Date(r.requestedAt),
        refusal ? this.clock.now() : null,
      ],
    );
    if (inserted.length === 0) return false;
    if (refusal) {
      await this.outbox.add(em, refundRefused, {
        aggregateId: r.refundId,
        aggregateVersion: 2,
        payload: { refundId: r.refundId, orderId: r.orderId, code: refusal.code, message: refusal.message, refusedAt: this.clock.now().toISOString() },
      });
      return false;
    }
    await em.query(`INSERT INTO refund_queues (order_id, payment_key) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, [r.orderId, charge!.payment_key]);
    return true;
  }

  /** The order's refunds, oldest first. */
  list(em: EntityManager, orderId: string): Promise<Refund[]> {
    return em.find(Refund, { where: { orderId }, order: { seq: 'ASC' } });
  }

  /**
   * The payment's balance (the sum of its ledger rows) and what refunds in flight or completed
   * took from each line and shipping fee. A PENDING refund counts: its money may already be gone.
   */
  async totals(em: EntityManager, orderId: string): Promise<RefundTotals> {
    const [[{ balance }], lines, shipping]: [{ balance: number }[], { id: string; won: number }[], { id: string; won: number }[]] = await Promise.all([
      em.query(`SELECT coalesce(sum(amount_won), 0)::int AS balance FROM payment_ledger WHERE order_id = $1`, [orderId]),
      em.query(
        `SELECT a->>'lineId' AS id, sum((a->>'amountWon')::int)::int AS won
           FROM refunds r, jsonb_array_elements(r.allocation->'lines') a
          WHERE r.order_id = $1 AND r.status IN ('PENDING', 'COMPLETED') GROUP BY 1`,
        [orderId],
      ),
      em.query(
        `SELECT a->>'partnerId' AS id, sum((a->>'amountWon')::int)::int AS won
           FROM refunds r, jsonb_array_elements(r.allocation->'shipping') a
          WHERE r.order_id = $1 AND r.status IN ('PENDING', 'COMPLETED') GROUP BY 1`,
        [orderId],
      ),
    ]);
    return { balanceWon: balance, lineRefunds: new Map(lines.map((l) => [l.id, l.won])), shippingRefunds: new Map(shipping.map((s) => [s.id, s.won])) };
  }
}
