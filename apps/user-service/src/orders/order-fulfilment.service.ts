import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK } from '@roastery/clock';
import { type fulfilmentStatusChanged, type orderCancellationDecided, type PayloadOf } from '@roastery/contracts';
import { LOGGER, type Logger } from '@roastery/observability';
import type { EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { derivedUuid } from '../refunds/refund-identity';
import { RefundsService } from '../refunds/refunds.service';
import { Order } from './order.entity';
import { OrderFulfilment } from './order-fulfilment.entity';
import { OrderRequest } from './order-request.entity';
import { aggregateFulfilment } from './order-state.rules';

type FulfilmentChange = PayloadOf<typeof fulfilmentStatusChanged>;
type CancellationDecision = PayloadOf<typeof orderCancellationDecided>;

/**
 * Applies what business-service decided about an order after payment: the fulfilment of each
 * partner order (newest version wins; stale copies change nothing) and the answer to a
 * cancellation request. A cancellation or a returned part queues a SYSTEM refund. Each method
 * runs in the consumer's transaction and returns the order whose refund queue has new work, if any.
 */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    private readonly notices: NotificationsService,
    private readonly refunds: RefundsService,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Mirrors a partner order's new status, the order's overall status, notices, and a refund once the item came back. */
  async applyFulfilment(em: EntityManager, p: FulfilmentChange): Promise<string | null> {
    const order = await em.findOne(Order, { where: { id: p.orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order) {
      this.log.warn({ orderId: p.orderId, partnerOrderId: p.partnerOrderId }, 'fulfilment of an unknown order ignored');
      return null;
    }
    const at = new Date(p.changedAt);
    const applied: unknown[] = await em.query(
      `INSERT INTO order_fulfilments AS f (partner_order_id, order_id, partner_id, status, version, carrier, tracking_number, changed_at, shipped_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $4 = 'SHIPPED' THEN $8::timestamptz END, CASE WHEN $4 = 'DELIVERED' THEN $8::timestamptz END)
       ON CONFLICT (partner_order_id) DO UPDATE SET
         status = EXCLUDED.status, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at,
         carrier = coalesce(EXCLUDED.carrier, f.carrier), tracking_number = coalesce(EXCLUDED.tracking_number, f.tracking_number),
         shipped_at = coalesce(f.shipped_at, EXCLUDED.shipped_at), delivered_at = coalesce(f.delivered_at, EXCLUDED.delivered_at)
       WHERE f.version < EXCLUDED.version
       RETURNING partner_order_id`,
      [p.partnerOrderId, p.orderId, p.partnerId, p.status, p.version, p.carrier, p.trackingNumber, at],
    );
    if (applied.length === 0) return null; // an older or repeated version

    const partners: { partner_id: string }[] = await em.query(`SELECT DISTINCT partner_id FROM order_lines WHERE order_id = $1`, [order.id]);
    const parts = await em.find(OrderFulfilment, { where: { orderId: order.id } });
    const overall = aggregateFulfilment(
      partners.map((x) => x.partner_id),
      parts,
    );
    const deliveredAt = overall === 'DELIVERED' ? (order.deliveredAt ?? maxDate(parts.map((x) => x.deliveredAt)) ?? at) : order.deliveredAt;
    const now = this.clock.now();
    await em.update(Order, { id: order.id }, { fulfilmentStatus: overall, deliveredAt, updatedAt: now, version: order.version + 1 });

    if (p.status === 'SHIPPED') {
      await this.notices.notify(em, {
        accountId: order.accountId,
        kind: 'SHIPPED',
        dedupeKey: `shipped:${p.partnerOrderId}`,
        data: { orderId: order.id, itemName: order.orderName, carrier: p.carrier, trackingNumber: p.trackingNumber },
      });
    } else if (p.status === 'DELIVERED') {
      await this.notices.notify(em, {
        accountId: order.accountId,
        kind: 'DELIVERED',
        dedupeKey: `delivered:${p.partnerOrderId}`,
        data: { orderId: order.id, itemName: order.orderName, autoConfirmDays: this.config.ORDER_AUTO_CONFIRM_DAYS },
      });
    } else if (p.status === 'RETURNED') {
      return this.returned(em, order, p, now);
    }
    return null;
  }

  /** The partner has the item back: its part of the payment is refunded in full (SYSTEM), the return request closed. */
  private async returned(em: EntityManager, order: Order, p: FulfilmentChange, now: Date): Promise<string | null> {
    const open = await em.findOne(OrderRequest, { where: { orderId: order.id, kind: 'RETURN', status: 'OPEN' } });
    if (open) {
      const stillOut: { n: number }[] = await em.query(
        `SELECT count(*)::int AS n FROM (SELECT DISTINCT partner_id FROM order_lines WHERE order_id = $1) l
          WHERE NOT EXISTS (SELECT 1 FROM order_fulfilments f WHERE f.order_id = $1 AND f.partner_id = l.partner_id AND f.status IN ('RETURNED', 'CANCELLED'))`,
        [order.id],
      );
      if (stillOut[0]?.n === 0) await em.update(OrderRequest, { id: open.id }, { status: 'RETURNED', decidedAt: now });
    }
    const queued = await this.refunds.enqueue(em, {
      refundId: derivedUuid(`returned:${p.partnerOrderId}`),
      orderId: order.id,
      amountWon: null,
      reason: open ? `반품 환불: ${open.reason}`.slice(0, 200) : '반품 환불',
      requestedBy: { role: 'SYSTEM', userId: null, partnerId: p.partnerId },
      requestedAt: now.toISOString(),
    });
    return queued ? order.id : null;
  }

  /** business-service's answer to a cancellation request: cancelled (full refund queued) or refused (already shipped). */
  async applyCancellationDecision(em: EntityManager, d: CancellationDecision): Promise<string | null> {
    const request = await em.findOne(OrderRequest, { where: { id: d.requestId, orderId: d.orderId, kind: 'CANCEL' }, lock: { mode: 'pessimistic_write' } });
    if (!request || request.status !== 'OPEN') return null;
    const order = await em.findOneOrFail(Order, { where: { id: d.orderId }, lock: { mode: 'pessimistic_write' } });
    const now = this.clock.now();
    if (d.outcome === 'REFUSED') {
      await em.update(OrderRequest, { id: request.id }, { status: 'REFUSED', decisionReason: d.reason, decidedAt: now });
      await this.notices.notify(em, {
        accountId: order.accountId,
        kind: 'CANCEL_REFUSED',
        dedupeKey: `cancel-refused:${request.id}`,
        data: { orderId: order.id, itemName: order.orderName, reason: d.reason },
      });
      return null;
    }
    await em.update(OrderRequest, { id: request.id }, { status: 'CANCELLED', decisionReason: d.reason, decidedAt: now });
    await em.update(Order, { id: order.id }, { cancelledAt: now, fulfilmentStatus: 'CANCELLED', updatedAt: now, version: order.version + 1 });
    await this.notices.notify(em, { accountId: order.accountId, kind: 'CANCELLED', dedupeKey: `cancelled:${order.id}`, data: { orderId: order.id, itemName: order.orderName } });
    // The cancellation's refund id is its request id: a redelivered decision queues nothing new.
    const queued = await this.refunds.enqueue(em, {
      refundId: request.id,
      orderId: order.id,
      amountWon: null,
      reason: `주문 취소: ${request.reason}`.slice(0, 200),
      requestedBy: { role: 'SYSTEM', userId: null, partnerId: null },
      requestedAt: now.toISOString(),
    });
    return queued ? order.id : null;
  }
}

function maxDate(dates: readonly (Date | null)[]): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}
