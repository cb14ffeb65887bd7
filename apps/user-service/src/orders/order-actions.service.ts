import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { orderCancellationRequested, orderPurchaseConfirmed, orderReturnRequested, type OrderRequestAcceptedDto } from '@roastery/contracts';
import { conflict, notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { Scheduler } from '@roastery/scheduler';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { Order } from './order.entity';
import { factsOf } from './order-facts';
import { type OrderAction, refusal } from './order-state.rules';

/**
 * What a subscriber does with a paid order (docs/orders/order-states.md): ask to cancel (the
 * roaster's side decides), ask to return after delivery, confirm the purchase — and the automatic
 * confirmation ORDER_AUTO_CONFIRM_DAYS after delivery. Refused transitions are 409 INVALID_STATE.
 */
@Injectable()
export class OrderActionsService implements OnModuleInit {
  static readonly AUTO_CONFIRM_JOB = 'orders.auto-confirm';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly scheduler: Scheduler,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(OrderActionsService.AUTO_CONFIRM_JOB, this.config.ORDER_AUTO_CONFIRM_INTERVAL_MS, () => this.autoConfirm().then(() => undefined));
  }

  /** A cancellation request: recorded, and `order.cancellation.requested` sent to business-service. */
  requestCancel(accountId: string, orderId: string, reason: string): Promise<OrderRequestAcceptedDto> {
    return this.ds.transaction(async (em) => {
      const order = await this.lockOwn(em, accountId, orderId, 'cancel');
      const id = await this.openRequest(em, order, 'CANCEL', reason);
      await this.outbox.add(em, orderCancellationRequested, {
        aggregateId: order.id,
        aggregateVersion: order.version + 1,
        payload: { orderId: order.id, requestId: id, userId: accountId, reason, requestedAt: this.clock.now().toISOString() },
      });
      return { requestId: id, status: 'OPEN' };
    });
  }

  /** A return request after delivery: recorded, and `order.return.requested` sent to business-service. */
  requestReturn(accountId: string, orderId: string, reason: string): Promise<OrderRequestAcceptedDto> {
    return this.ds.transaction(async (em) => {
      const order = await this.lockOwn(em, accountId, orderId, 'return');
      const id = await this.openRequest(em, order, 'RETURN', reason);
      await this.outbox.add(em, orderReturnRequested, {
        aggregateId: order.id,
        aggregateVersion: order.version + 1,
        payload: { orderId: order.id, requestId: id, userId: accountId, reason, requestedAt: this.clock.now().toISOString() },
      });
      return { requestId: id, status: 'OPEN' };
    });
  }

  /** The subscriber confirms the purchase: no cancel or return after this. */
  async confirm(accountId: string, orderId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const order = await this.lockOwn(em, accountId, orderId, 'confirm');
      await this.confirmLocked(em, order, false);
    });
  }

  /** Confirms delivered orders ORDER_AUTO_CONFIRM_DAYS after delivery (shared clock); returns how many. */
  async autoConfirm(limit = 200): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.ORDER_AUTO_CONFIRM_DAYS * 86_400_000);
    return this.ds.transaction(async (em) => {
      const due = await em
        .createQueryBuilder(Order, 'o')
        .where(`o.fulfilment_status = 'DELIVERED' AND o.confirmed_at IS NULL AND o.cancelled_at IS NULL AND o.status = 'PAID' AND o.delivered_at <= :cutoff`, { cutoff })
        .andWhere(`NOT EXISTS (SELECT 1 FROM order_requests r WHERE r.order_id = o.id AND r.status = 'OPEN')`)
        .orderBy('o.delivered_at')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const order of due) await this.confirmLocked(em, order, true);
      return due.length;
    });
  }

  private async confirmLocked(em: EntityManager, order: Order, automatic: boolean): Promise<void> {
    const now = this.clock.now();
    await em.update(Order, { id: order.id }, { confirmedAt: now, confirmedAutomatically: automatic, updatedAt: now, version: order.version + 1 });
    await this.outbox.add(em, orderPurchaseConfirmed, {
      aggregateId: order.id,
      aggregateVersion: order.version + 1,
      payload: { orderId: order.id, userId: order.accountId, automatic, confirmedAt: now.toISOString() },
    });
  }

  /** The subscriber's own order, locked, and allowed to take the action (404 / 409 otherwise). */
  private async lockOwn(em: EntityManager, accountId: string, orderId: string, action: OrderAction): Promise<Order> {
    const order = await em.findOne(Order, { where: { id: orderId, accountId }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw notFound('order');
    const why = refusal(action, await factsOf(em, order));
    if (why) throw conflict('INVALID_STATE', why);
    return order;
  }

  private async openRequest(em: EntityManager, order: Order, kind: 'CANCEL' | 'RETURN', reason: string): Promise<string> {
    const now = this.clock.now();
    const id = uuidv7(now.getTime());
    await em.query(`INSERT INTO order_requests (id, order_id, kind, status, reason, requested_at) VALUES ($1, $2, $3, 'OPEN', $4, $5)`, [id, order.id, kind, reason, now]);
    await em.update(Order, { id: order.id }, { updatedAt: now, version: order.version + 1 });
    return id;
  }
}
