import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@roastery/clock';
import {
  type BulkShipItemResult,
  type BulkShipResultDto,
  fulfilmentStatusChanged,
  orderCancellationDecided,
  type orderCancellationRequested,
  type orderPurchaseConfirmed,
  type orderReturnRequested,
  type PartnerOrderDto,
  type PayloadOf,
} from '@roastery/contracts';
import { conflict, notFound } from '@roastery/http';
import { Outbox, type OutboxAddInput } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerOrder } from '../partner-orders/partner-order.entity';
import { PartnerOrdersService } from '../partner-orders/partner-orders.service';
import { StockReservationsService } from '../stock/stock-reservations.service';
import type { BulkShipRequest, ShipRequest } from './dto/fulfilment.dto';
import { decideCancellation, type FulfilmentAction, needsShipTo, transition } from './fulfilment.rules';
import { lockOrderParts, lockOwnOrder, lockOwnOrders, pick } from './partner-order-locks';

type StatusChanged = OutboxAddInput<PayloadOf<typeof fulfilmentStatusChanged>>;

/** What an action records beside the new status. */
interface ActionDetails {
  shipment?: ShipRequest;
  requestId?: string;
  reason?: string;
}

/**
 * Fulfilment of partner orders (issue 6, ADR 0018): the partner's transitions (prepare, ship one or
 * many, deliver, returned), the subscriber's cancellation and return requests, purchase
 * confirmation and ship-to anonymisation. Every change takes the partner order's row lock, bumps its
 * version and announces fulfilment.status.changed in the same transaction.
 */
@Injectable()
export class FulfilmentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly outbox: Outbox,
    private readonly reader: PartnerOrdersService,
    private readonly stock: StockReservationsService,
  ) {}

  /** The partner starts preparing a paid order. */
  prepare(userId: string, id: string): Promise<PartnerOrderDto> {
    return this.move(userId, id, 'PREPARE', {});
  }

  /** The partner hands a paid or preparing order to the carrier. */
  ship(userId: string, id: string, shipment: ShipRequest): Promise<PartnerOrderDto> {
    return this.move(userId, id, 'SHIP', { shipment });
  }

  /** The parcel arrived. */
  deliver(userId: string, id: string): Promise<PartnerOrderDto> {
    return this.move(userId, id, 'DELIVER', {});
  }

  /** The partner received the returned item (user-service then refunds it). */
  confirmReturn(userId: string, id: string): Promise<PartnerOrderDto> {
    return this.move(userId, id, 'CONFIRM_RETURN', {});
  }

  /**
   * Ships many orders in one transaction with per-item results: the named orders are locked in id
   * order, each is shipped or answered FAILED (NOT_FOUND: not the caller's; INVALID_STATE: not
   * PAID/PREPARING, e.g. cancelled). One failed item does not hold the others back.
   */
  async shipMany(userId: string, req: BulkShipRequest): Promise<BulkShipResultDto> {
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const rows = await lockOwnOrders(
        em,
        userId,
        req.items.map((i) => i.orderId),
      );
      const events: StatusChanged[] = [];
      const outcomes: Array<{ orderId: string; order?: PartnerOrder; failure?: { code: 'NOT_FOUND' | 'INVALID_STATE'; message: string } }> = [];
      const done = new Set<string>();
      for (const item of req.items) {
        const order = pick(rows, item.orderId);
        if (!order || done.has(order.id)) {
          outcomes.push({ orderId: item.orderId, failure: order ? { code: 'INVALID_STATE', message: 'this order is named twice' } : { code: 'NOT_FOUND', message: 'order not found' } });
          continue;
        }
        done.add(order.id);
        const refused = await this.apply(em, order, 'SHIP', { shipment: item }, now, events);
        outcomes.push(refused ? { orderId: item.orderId, failure: { code: 'INVALID_STATE', message: refused } } : { orderId: item.orderId, order });
      }
      if (events.length > 0) await this.outbox.addMany(em, fulfilmentStatusChanged, events);
      const shipped = outcomes.flatMap((o) => (o.order ? [o.order] : []));
      const dtos = new Map((await this.reader.dtos(em, shipped)).map((d) => [d.id, d]));
      const results = outcomes.map((o): BulkShipItemResult => {
        const dto = o.order && dtos.get(o.order.id);
        return dto ? { orderId: o.orderId, outcome: 'SHIPPED', order: dto } : { orderId: o.orderId, outcome: 'FAILED', code: o.failure?.code ?? 'NOT_FOUND', message: o.failure?.message ?? 'order not found' };
      });
      return { shipped: shipped.length, failed: results.length - shipped.length, results };
    });
  }

  /**
   * order.cancellation.requested: under the row locks of all the order's partner orders (id order),
   * cancels them all if none has shipped — their units go back on hand — and answers CANCELLED;
   * otherwise answers REFUSED and changes nothing. A request for an order not routed here yet is
   * retried (order.paid may still be on its way).
   */
  async onCancellationRequested(em: EntityManager, req: PayloadOf<typeof orderCancellationRequested>): Promise<void> {
    const now = this.clock.now();
    const parts = await lockOrderParts(em, req.orderId);
    if (parts.length === 0) throw new Error(`order ${req.orderId} has no partner orders yet; the cancellation request is retried`);
    const decision = decideCancellation(parts.map((p) => p.status));
    if (decision.outcome === 'CANCELLED') {
      const cancelled = decision.cancel.map((i) => parts[i]);
      const events: StatusChanged[] = [];
      for (const p of cancelled) {
        const refused = await this.apply(em, p, 'CANCEL', { requestId: req.requestId, reason: req.reason }, now, events);
        if (refused) throw new Error(`cancellation decided but refused for ${p.id}: ${refused}`);
      }
      if (events.length > 0) await this.outbox.addMany(em, fulfilmentStatusChanged, events);
      if (cancelled.length > 0) {
        const lines: Array<{ option_id: string; quantity: number }> = await em.query(`SELECT option_id, quantity FROM partner_order_lines WHERE partner_order_id = ANY($1::uuid[])`, [cancelled.map((p) => p.id)]);
        await this.stock.restock(
          em,
          lines.map((l) => ({ optionId: l.option_id, quantity: l.quantity })),
        );
      }
    }
    await this.outbox.add(em, orderCancellationDecided, {
      aggregateId: req.orderId,
      // Grows with every change of any part, so a later decision outranks an earlier one.
      aggregateVersion: parts.reduce((s, p) => s + p.version, 0),
      payload: { orderId: req.orderId, requestId: req.requestId, outcome: decision.outcome, reason: decision.outcome === 'REFUSED' ? decision.reason : null, decidedAt: now.toISOString() },
    });
  }

  /**
   * order.return.requested: every delivered, unconfirmed part of the order becomes RETURN_REQUESTED.
   * Anything else (not delivered, confirmed, already requested) is recorded by the inbox and ignored
   * with a warning.
   */
  async onReturnRequested(em: EntityManager, req: PayloadOf<typeof orderReturnRequested>): Promise<void> {
    const now = this.clock.now();
    const parts = await lockOrderParts(em, req.orderId);
    const events: StatusChanged[] = [];
    const ignored: Array<{ partnerOrderId: string; status: string; why: string }> = [];
    for (const p of parts) {
      if (p.status === 'RETURN_REQUESTED' && p.returnRequestId === req.requestId) continue; // the same request again
      const refused = await this.apply(em, p, 'REQUEST_RETURN', { requestId: req.requestId, reason: req.reason }, now, events);
      if (refused) ignored.push({ partnerOrderId: p.id, status: p.status, why: refused });
    }
    if (events.length > 0) await this.outbox.addMany(em, fulfilmentStatusChanged, events);
    if (parts.length === 0 || ignored.length > 0) this.logger.warn({ orderId: req.orderId, requestId: req.requestId, ignored, routed: parts.length }, 'order.return.requested ignored for parts that cannot be returned');
  }

  /** order.purchase.confirmed: records the confirmation (no more returns); a repeat keeps the first time. */
  async onPurchaseConfirmed(em: EntityManager, c: PayloadOf<typeof orderPurchaseConfirmed>): Promise<void> {
    const [, touched] = (await em.query(`UPDATE partner_orders SET confirmed_at = $2, updated_at = $3 WHERE order_id = $1 AND confirmed_at IS NULL`, [c.orderId, c.confirmedAt, this.clock.now()])) as [unknown, number];
    if (touched === 0) this.logger.info({ orderId: c.orderId }, 'order.purchase.confirmed: nothing left to confirm here');
  }

  /**
   * user.deleted: erases the ship-to copy of the user's partner orders that have reached their end
   * (DELIVERED, CANCELLED, RETURNED) and marks the others, which are erased when they get there.
   */
  async onUserDeleted(em: EntityManager, userId: string): Promise<void> {
    const now = this.clock.now();
    await em.query(
      `UPDATE partner_orders SET ship_to = NULL, anonymise_pending = false, anonymised_at = COALESCE(anonymised_at, $2), updated_at = $2
        WHERE user_id = $1 AND status IN ('DELIVERED', 'CANCELLED', 'RETURNED') AND (ship_to IS NOT NULL OR anonymise_pending)`,
      [userId, now],
    );
    await em.query(`UPDATE partner_orders SET anonymise_pending = true, updated_at = $2 WHERE user_id = $1 AND status NOT IN ('DELIVERED', 'CANCELLED', 'RETURNED') AND NOT anonymise_pending`, [userId, now]);
  }

  /** One partner action on one order in its own transaction; 404 for an order the caller cannot see, 409 for a refused transition. */
  private async move(userId: string, id: string, action: FulfilmentAction, details: ActionDetails): Promise<PartnerOrderDto> {
    return this.ds.transaction(async (em) => {
      const order = await lockOwnOrder(em, userId, id);
      if (!order) throw notFound('order');
      const events: StatusChanged[] = [];
      const refused = await this.apply(em, order, action, details, this.clock.now(), events);
      if (refused) throw conflict('INVALID_STATE', refused);
      for (const e of events) await this.outbox.add(em, fulfilmentStatusChanged, e);
      const [dto] = await this.reader.dtos(em, [order]);
      return dto;
    });
  }

  /**
   * Applies an action to a locked order: returns the refusal message and changes nothing, or
   * updates status, version and the action's fields (erasing the ship-to when a deleted user's
   * order reaches its end) and queues its fulfilment.status.changed in `events`.
   */
  private async apply(em: EntityManager, o: PartnerOrder, action: FulfilmentAction, d: ActionDetails, now: Date, events: StatusChanged[]): Promise<string | null> {
    const t = transition(o.status, action, { confirmed: o.confirmedAt !== null });
    if (!t.ok) return t.message;
    const patch: Partial<PartnerOrder> = { status: t.to, version: o.version + 1, updatedAt: now };
    if (action === 'PREPARE') patch.preparedAt = now;
    if (action === 'SHIP') Object.assign(patch, { shippedAt: now, carrier: d.shipment?.carrier ?? null, trackingNumber: d.shipment?.trackingNumber ?? null });
    if (action === 'DELIVER') patch.deliveredAt = now;
    if (action === 'CANCEL') Object.assign(patch, { cancelledAt: now, cancelRequestId: d.requestId ?? null });
    if (action === 'REQUEST_RETURN') Object.assign(patch, { returnRequestedAt: now, returnRequestId: d.requestId ?? null, returnReason: d.reason ?? null });
    if (action === 'CONFIRM_RETURN') patch.returnedAt = now;
    if (o.anonymisePending && !needsShipTo(t.to)) Object.assign(patch, { shipTo: null, anonymisePending: false, anonymisedAt: now });
    await em.update(PartnerOrder, { id: o.id }, patch);
    Object.assign(o, patch);
    events.push({
      aggregateId: o.id,
      aggregateVersion: o.version,
      payload: {
        orderId: o.orderId,
        partnerOrderId: o.id,
        partnerId: o.partnerId,
        userId: o.userId,
        status: o.status,
        version: o.version,
        carrier: o.carrier,
        trackingNumber: o.trackingNumber,
        changedAt: now.toISOString(),
      },
    });
    return null;
  }
}
