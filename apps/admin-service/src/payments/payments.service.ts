import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock, addCalendarDays, seoulStartOfDay } from '@roastery/clock';
import {
  type fulfilmentStatusChanged,
  type orderPaid,
  type Page,
  type PayloadOf,
  type PaymentDetailDto,
  type PaymentLedgerRowDto,
  type PaymentsQuery,
  type PaymentSummaryDto,
  type refundCompleted,
  type RefundDto,
  type refundRefused,
  type RefundRequestBody,
  type RefundRequestedDto,
  refundRequested,
} from '@roastery/contracts';
import { ApiException, notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { FulfilmentPart, PaymentRecord, RefundRecord } from './payment-record.entity';

/**
 * Payment oversight: the read model of payments, refunds and fulfilment kept from events, the
 * admin's search and detail views, and refund requests sent to user-service (which alone calls
 * Toss and writes the ledger, so it has the final word on every refund).
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** order.paid: records the payment once; refunds heard of before it are counted in. */
  async paid(em: EntityManager, p: PayloadOf<typeof orderPaid>): Promise<void> {
    const partnerIds = [...new Set(p.lines.map((l) => l.partnerId))];
    const lines = p.lines.map((l) => ({
      lineId: l.lineId ?? null,
      partnerId: l.partnerId,
      productName: l.productName ?? null,
      optionLabel: l.optionLabel ?? null,
      quantity: l.quantity,
      unitPriceWon: l.unitPriceWon,
    }));
    await em.query(
      `INSERT INTO payments (order_id, user_id, subscription_id, partner_ids, lines, shipping_fees, total_won, payment_key, toss_order_id, paid_at, recorded_at)
       VALUES ($1, $2, $3, $4::uuid[], $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)
       ON CONFLICT (order_id) DO UPDATE SET
         payment_key = COALESCE(payments.payment_key, EXCLUDED.payment_key),
         toss_order_id = COALESCE(payments.toss_order_id, EXCLUDED.toss_order_id)`,
      [p.orderId, p.userId, p.subscriptionId, partnerIds, JSON.stringify(lines), JSON.stringify(p.shippingFees), p.totalWon, p.paymentKey ?? null, p.tossOrderId ?? null, new Date(p.paidAt), this.clock.now()],
    );
    await this.recount(em, p.orderId);
  }

  /** refund.completed: the refund row becomes COMPLETED (or is recorded, for a partner's or a system refund). */
  async refundCompleted(em: EntityManager, p: PayloadOf<typeof refundCompleted>): Promise<void> {
    await em.query(
      `INSERT INTO payment_refunds (refund_id, order_id, status, amount_won, reason, requested_by_role, requested_by_user_id, requested_by_partner_id,
                                    lines, shipping_won, balance_after_won, payment_key, completed_at, updated_at)
       VALUES ($1, $2, 'COMPLETED', $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)
       ON CONFLICT (refund_id) DO UPDATE SET
         status = 'COMPLETED', amount_won = EXCLUDED.amount_won, reason = COALESCE(payment_refunds.reason, EXCLUDED.reason),
         requested_by_role = COALESCE(payment_refunds.requested_by_role, EXCLUDED.requested_by_role),
         requested_by_user_id = COALESCE(payment_refunds.requested_by_user_id, EXCLUDED.requested_by_user_id),
         requested_by_partner_id = COALESCE(payment_refunds.requested_by_partner_id, EXCLUDED.requested_by_partner_id),
         lines = EXCLUDED.lines, shipping_won = EXCLUDED.shipping_won, balance_after_won = EXCLUDED.balance_after_won,
         payment_key = EXCLUDED.payment_key, completed_at = EXCLUDED.completed_at,
         refused_code = NULL, refused_message = NULL, refused_at = NULL, updated_at = EXCLUDED.updated_at`,
      [
        p.refundId,
        p.orderId,
        p.amountWon,
        p.reason,
        p.requestedBy.role,
        p.requestedBy.userId,
        p.requestedBy.partnerId,
        JSON.stringify(p.lines),
        p.shippingWon,
        p.balanceWon,
        p.paymentKey,
        new Date(p.completedAt),
        this.clock.now(),
      ],
    );
    await this.recount(em, p.orderId);
  }

  /** refund.refused: a pending request becomes REFUSED with the reason; a completed refund stays completed. */
  async refundRefused(em: EntityManager, p: PayloadOf<typeof refundRefused>): Promise<void> {
    await em.query(
      `INSERT INTO payment_refunds (refund_id, order_id, status, refused_code, refused_message, refused_at, updated_at)
       VALUES ($1, $2, 'REFUSED', $3, $4, $5, $6)
       ON CONFLICT (refund_id) DO UPDATE SET
         status = 'REFUSED', refused_code = EXCLUDED.refused_code, refused_message = EXCLUDED.refused_message,
         refused_at = EXCLUDED.refused_at, updated_at = EXCLUDED.updated_at
       WHERE payment_refunds.status = 'REQUESTED'`,
      [p.refundId, p.orderId, p.code, p.message, new Date(p.refusedAt), this.clock.now()],
    );
  }

  /** fulfilment.status.changed: keeps the newest version of each partner's part. */
  async fulfilmentChanged(em: EntityManager, p: PayloadOf<typeof fulfilmentStatusChanged>): Promise<void> {
    await em.query(
      `INSERT INTO payment_fulfilments (partner_order_id, order_id, partner_id, status, version, carrier, tracking_number, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (partner_order_id) DO UPDATE SET
         status = EXCLUDED.status, version = EXCLUDED.version, carrier = EXCLUDED.carrier,
         tracking_number = EXCLUDED.tracking_number, changed_at = EXCLUDED.changed_at
       WHERE payment_fulfilments.version < EXCLUDED.version`,
      [p.partnerOrderId, p.orderId, p.partnerId, p.status, p.version, p.carrier, p.trackingNumber, new Date(p.changedAt)],
    );
  }

  /** Payments newest first, filtered by subscriber, partner, order, status and Seoul dates. */
  async search(q: PaymentsQuery): Promise<Page<PaymentSummaryDto>> {
    const qb = this.ds.getRepository(PaymentRecord).createQueryBuilder('p');
    if (q.subscriber) qb.andWhere('p.user_id = :subscriber', { subscriber: q.subscriber });
    if (q.partnerId) qb.andWhere(':partnerId = ANY(p.partner_ids)', { partnerId: q.partnerId });
    if (q.orderId) qb.andWhere('p.order_id = :orderId', { orderId: q.orderId });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.from) qb.andWhere('p.paid_at >= :from', { from: seoulStartOfDay(q.from) });
    if (q.to) qb.andWhere('p.paid_at < :to', { to: seoulStartOfDay(addCalendarDays(q.to, 1)) });
    const [rows, total] = await qb
      .orderBy('p.paid_at', 'DESC')
      .addOrderBy('p.order_id', 'DESC')
      .skip((q.page - 1) * q.size)
      .take(q.size)
      .getManyAndCount();
    return { items: rows.map(toSummary), page: q.page, size: q.size, total };
  }

  /** One payment with its lines, partner parts, refunds and ledger rows, or 404. */
  async detail(orderId: string): Promise<PaymentDetailDto> {
    const payment = await this.ds.getRepository(PaymentRecord).findOneBy({ orderId });
    if (!payment) throw notFound('payment');
    const refunds = await this.ds.getRepository(RefundRecord).findBy({ orderId });
    refunds.sort((a, b) => timeOf(a) - timeOf(b) || a.refundId.localeCompare(b.refundId));
    const parts = await this.ds.getRepository(FulfilmentPart).find({ where: { orderId }, order: { partnerId: 'ASC', partnerOrderId: 'ASC' } });

    let balance = payment.totalWon;
    const ledger: PaymentLedgerRowDto[] = [{ kind: 'CHARGE', refundId: null, amountWon: payment.totalWon, balanceWon: balance, at: payment.paidAt.toISOString() }];
    const done = refunds.flatMap((r) => (r.status === 'COMPLETED' && r.completedAt ? [{ refundId: r.refundId, amountWon: r.amountWon ?? 0, at: r.completedAt }] : []));
    for (const r of done.sort((a, b) => a.at.getTime() - b.at.getTime())) {
      balance -= r.amountWon;
      ledger.push({ kind: 'REFUND', refundId: r.refundId, amountWon: -r.amountWon, balanceWon: balance, at: r.at.toISOString() });
    }
    return {
      ...toSummary(payment),
      lines: payment.lines,
      shippingFees: payment.shippingFees,
      pendingWon: pendingOf(refunds),
      fulfilment: parts.map((f) => ({ partnerOrderId: f.partnerOrderId, partnerId: f.partnerId, status: f.status, carrier: f.carrier, trackingNumber: f.trackingNumber, changedAt: f.changedAt.toISOString() })),
      refunds: refunds.map(toRefundDto),
      ledger,
    };
  }

  /**
   * An admin asks for a refund: checked against the balance this read model knows less the
   * requests still unanswered (user-service checks again against its ledger), recorded as
   * REQUESTED and sent as `refund.requested` with an audit entry, all in one transaction. With an
   * Idempotency-Key, a repeat by the same admin returns the request it made.
   */
  async requestRefund(adminId: string, orderId: string, body: RefundRequestBody, idempotencyKey?: string): Promise<RefundRequestedDto> {
    try {
      return await this.ds.transaction(async (em) => {
        const existing = idempotencyKey && (await em.findOneBy(RefundRecord, { requestedByUserId: adminId, idempotencyKey }));
        if (existing) return { refundId: existing.refundId, status: existing.status };
        // The payment row's lock serialises this service's requests for one payment.
        const payment = await em.createQueryBuilder(PaymentRecord, 'p').where('p.order_id = :orderId', { orderId }).setLock('pessimistic_write').getOne();
        if (!payment) throw notFound('payment');
        const pending = pendingOf(await em.findBy(RefundRecord, { orderId, status: 'REQUESTED' }));
        const available = payment.totalWon - payment.refundedWon - pending;
        if (body.amount > available) {
          throw new ApiException(422, 'REFUND_ABOVE_BALANCE', `the amount ${body.amount} is above the refundable balance ${Math.max(0, available)}`, {
            reason: 'ABOVE_BALANCE',
            balanceWon: payment.totalWon - payment.refundedWon,
            pendingWon: pending,
            availableWon: Math.max(0, available),
          });
        }
        const now = this.clock.now();
        const refundId = uuidv7();
        const refund: Partial<RefundRecord> = {
          refundId,
          orderId,
          status: 'REQUESTED',
          amountWon: body.amount,
          reason: body.reason,
          requestedByRole: 'ADMIN',
          requestedByUserId: adminId,
          requestedByPartnerId: null,
          requestedAt: now,
          idempotencyKey: idempotencyKey ?? null,
          lines: [],
          updatedAt: now,
        };
        await em.insert(RefundRecord, refund);
        const requestedBy = { role: 'ADMIN' as const, userId: adminId, partnerId: null };
        await this.outbox.add(em, refundRequested, {
          aggregateId: refundId,
          aggregateVersion: 1,
          payload: { refundId, orderId, amountWon: body.amount, reason: body.reason, requestedBy, requestedAt: now.toISOString() },
        });
        await this.audit.record(em, {
          actorId: adminId,
          action: 'payment.refund.request',
          targetType: 'payment',
          targetId: orderId,
          details: { refundId, amountWon: body.amount, reason: body.reason, balanceWon: payment.totalWon - payment.refundedWon },
        });
        return { refundId, status: 'REQUESTED' as const };
      });
    } catch (e) {
      // Two requests with the same key raced past the lookup: the loser answers with the winner's refund.
      if (idempotencyKey && (e as { driverError?: { code?: string } }).driverError?.code === '23505') {
        const winner = await this.ds.getRepository(RefundRecord).findOneBy({ requestedByUserId: adminId, idempotencyKey });
        if (winner) return { refundId: winner.refundId, status: winner.status };
      }
      throw e;
    }
  }

  /** One refund (REQUESTED, COMPLETED or REFUSED with the reason), or 404. */
  async refund(refundId: string): Promise<RefundDto> {
    const r = await this.ds.getRepository(RefundRecord).findOneBy({ refundId });
    if (!r) throw notFound('refund');
    return toRefundDto(r);
  }

  /**
   * Recomputes the refunded sum from the completed refunds, and takes the paymentKey a refund named.
   * The payment row is locked first, in its own statement: refund events of one payment are consumed
   * concurrently (a backlog after an outage), and under READ COMMITTED an UPDATE whose subquery ran
   * on a snapshot taken before another handler committed would overwrite that handler's sum with
   * one missing its refund. After the lock, the UPDATE's fresh snapshot sees every committed refund.
   */
  private async recount(em: EntityManager, orderId: string): Promise<void> {
    await em.query(`SELECT 1 FROM payments WHERE order_id = $1 FOR UPDATE`, [orderId]);
    await em.query(
      `UPDATE payments p SET
         refunded_won = (SELECT COALESCE(SUM(r.amount_won), 0) FROM payment_refunds r WHERE r.order_id = p.order_id AND r.status = 'COMPLETED'),
         payment_key = COALESCE(p.payment_key, (SELECT r.payment_key FROM payment_refunds r WHERE r.order_id = p.order_id AND r.payment_key IS NOT NULL LIMIT 1))
       WHERE p.order_id = $1`,
      [orderId],
    );
  }
}

const pendingOf = (refunds: RefundRecord[]) => refunds.filter((r) => r.status === 'REQUESTED').reduce((s, r) => s + (r.amountWon ?? 0), 0);
const timeOf = (r: RefundRecord) => (r.requestedAt ?? r.completedAt ?? r.refusedAt ?? r.updatedAt).getTime();

function toSummary(p: PaymentRecord): PaymentSummaryDto {
  return {
    orderId: p.orderId,
    userId: p.userId,
    subscriptionId: p.subscriptionId,
    partnerIds: p.partnerIds,
    totalWon: p.totalWon,
    refundedWon: p.refundedWon,
    balanceWon: Math.max(0, p.totalWon - p.refundedWon),
    status: p.status,
    paidAt: p.paidAt.toISOString(),
    paymentKey: p.paymentKey,
    tossOrderId: p.tossOrderId,
  };
}

function toRefundDto(r: RefundRecord): RefundDto {
  return {
    refundId: r.refundId,
    orderId: r.orderId,
    status: r.status,
    amountWon: r.amountWon,
    reason: r.reason,
    requestedBy: r.requestedByRole ? { role: r.requestedByRole, userId: r.requestedByUserId, partnerId: r.requestedByPartnerId } : null,
    requestedAt: r.requestedAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    refusedAt: r.refusedAt?.toISOString() ?? null,
    refusal: r.status === 'REFUSED' && r.refusedCode ? { code: r.refusedCode, message: r.refusedMessage ?? '' } : null,
    lines: r.lines,
    shippingWon: r.shippingWon,
    balanceAfterWon: r.balanceAfterWon,
  };
}
