import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { orderPaid, orderVoided } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { uuidv7 } from '@roastery/persistence';
import type { TossApiError, TossPayment } from '@roastery/toss';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderShippingFee } from '../orders/order-shipping-fee.entity';
import { PaymentMethod } from '../payment-methods/payment-method.entity';
import { completeCycle, pause } from '../subscriptions/schedule/billing-schedule.rules';
import { Subscription } from '../subscriptions/subscription.entity';
import { scheduleColumns, scheduleOf } from '../subscriptions/subscription-schedule';
import { type FailureCategory, nextStepAfterFailure } from './dunning.rules';
import { PaymentAttempt } from './payment-attempt.entity';
import { PaymentLedgerEntry } from './payment-ledger-entry.entity';

/** A definite failure of one attempt, as Toss (or our own check) gave it. */
export interface ChargeFailure {
  code: string;
  category: FailureCategory;
  message: string;
}

/**
 * Applies what Toss answered to an attempt, its order and its subscription — each in one
 * transaction with the order row locked, and only once: an attempt already resolved is left as it
 * is, so a resolver and a worker racing on the same answer change nothing twice.
 */
@Injectable()
export class ChargeOutcomes {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly notices: NotificationsService,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Toss approved: a ledger row, the order paid, the cycle billed, order.paid and a notice. */
  async approved(attemptId: string, payment: TossPayment): Promise<void> {
    await this.ds.transaction(async (em) => {
      const locked = await this.lock(em, attemptId);
      if (!locked) return;
      const { attempt, order } = locked;
      const now = this.clock.now();
      if (payment.totalAmount !== attempt.amountWon || payment.orderId !== attempt.tossOrderId) {
        // Money moved at Toss, so it is recorded whatever we expected; the mismatch is for an operator.
        this.log.error({ attemptId, expected: attempt.amountWon, charged: payment.totalAmount }, 'approved payment does not match its attempt');
      }
      await em.update(PaymentAttempt, { id: attempt.id }, { status: 'APPROVED', paymentKey: payment.paymentKey, resolvedAt: now });
      await em.insert(PaymentLedgerEntry, {
        id: uuidv7(),
        orderId: order.id,
        accountId: order.accountId,
        kind: 'CHARGE',
        amountWon: payment.totalAmount,
        paymentKey: payment.paymentKey,
        tossOrderId: attempt.tossOrderId,
        attemptId: attempt.id,
        refundId: null,
        occurredAt: payment.approvedAt ? new Date(payment.approvedAt) : now,
      });
      if (order.status === 'PAYMENT_FAILED' || order.status === 'STOCK_REFUSED') {
        this.log.error({ orderId: order.id, status: order.status }, 'a closed order was charged after all; it is recorded as paid');
      }
      await em.update(Order, { id: order.id }, { status: 'PAID', paidAt: now, closedAt: now, nextAttemptAt: null, updatedAt: now });
      const sub = order.subscriptionId ? await em.findOneBy(Subscription, { id: order.subscriptionId }) : null;
      if (sub) await this.cycleBilled(em, sub, order, now);
      await this.announcePaid(em, order, now);
      const card = await em.findOneBy(PaymentMethod, { id: attempt.paymentMethodId });
      await this.notices.notify(em, {
        accountId: order.accountId,
        kind: 'CHARGED',
        dedupeKey: `charged:${order.id}`,
        data: { subscriptionId: order.subscriptionId, orderId: order.id, itemName: order.orderName, amountWon: payment.totalAmount, cardCompany: card?.cardCompany ?? '', maskedNumber: card?.maskedNumber ?? '' },
      });
    });
  }

  /** A definite failure: the next step of dunning (retry, wait for a card, or give up). */
  async declined(attemptId: string, failure: ChargeFailure): Promise<void> {
    await this.ds.transaction(async (em) => {
      const locked = await this.lock(em, attemptId);
      if (!locked) return;
      const { attempt, order } = locked;
      const now = this.clock.now();
      await em.update(PaymentAttempt, { id: attempt.id }, { status: 'DECLINED', failureCode: failure.code, failureCategory: failure.category, failureMessage: failure.message.slice(0, 500), resolvedAt: now });
      await this.afterFailure(em, order, failure, now);
    });
  }

  /** The card of an order is gone (removed, or deleted at Toss): like a hard decline, without calling Toss. */
  async cardMissing(em: EntityManager, order: Order, now: Date): Promise<void> {
    await this.afterFailure(em, order, { code: 'PAYMENT_METHOD_REMOVED', category: 'hard_decline', message: 'the card of this subscription was removed' }, now);
  }

  /** The outcome is unknown: the resolver re-sends the same Idempotency-Key shortly. */
  async unknown(attemptId: string, retryInMs: number): Promise<void> {
    const until = new Date(this.clock.now().getTime() + retryInMs);
    await this.ds.query(`UPDATE payment_attempts SET status = 'UNKNOWN', lease_until = $2 WHERE id = $1 AND status IN ('PENDING', 'UNKNOWN')`, [attemptId, until]);
  }

  /** Closes an order that will not be charged, and skips its cycle (dunning gave up, or a card never came). */
  async giveUp(em: EntityManager, order: Order, now: Date, failure: ChargeFailure | null): Promise<void> {
    await em.update(Order, { id: order.id }, { status: 'PAYMENT_FAILED', closedAt: now, nextAttemptAt: null, updatedAt: now });
    await this.outbox.add(em, orderVoided, { aggregateId: order.id, aggregateVersion: order.version + 1, payload: { orderId: order.id, reason: 'PAYMENT_FAILED', voidedAt: now.toISOString() } });
    const sub = order.subscriptionId ? await em.findOneBy(Subscription, { id: order.subscriptionId }) : null;
    if (!sub) return;
    const today = seoulDate(now);
    if (order.cycle === 0) {
      // The first box is charged at subscribe time: if it fails, the subscription never started.
      await em.update(Subscription, { id: sub.id }, { status: 'CANCELLED', cancelReason: 'FIRST_PAYMENT_FAILED', cancelledAt: now, openOrderId: null, updatedAt: now });
      return;
    }
    const done = completeCycle(scheduleOf(sub), order.cycle ?? -1, 'SKIPPED', today);
    if (!done.ok) throw new Error(`cannot skip cycle ${order.cycle} of subscription ${sub.id}: ${done.reason}`);
    const failedCycles = sub.consecutiveFailedCycles + 1;
    const pastDue = failedCycles >= this.config.PAST_DUE_AFTER_FAILED_CYCLES;
    const paused = pastDue ? pause(done.state, today, null) : null;
    const state = paused?.ok ? paused.state : done.state;
    await em.update(
      Subscription,
      { id: sub.id },
      { ...scheduleColumns(state), status: pastDue && sub.status === 'ACTIVE' ? 'PAST_DUE' : sub.status, openOrderId: null, consecutiveFailedCycles: failedCycles, updatedAt: now },
    );
    if (pastDue) {
      await this.notices.notify(em, { accountId: order.accountId, kind: 'PAST_DUE', dedupeKey: `past-due:${sub.id}:${order.cycle}`, data: { subscriptionId: sub.id, itemName: sub.itemName, failedCycles } });
    } else if (failure) {
      await this.notices.notify(em, {
        accountId: order.accountId,
        kind: 'PAYMENT_FAILED',
        dedupeKey: `payment-failed:${order.id}:final`,
        data: { subscriptionId: sub.id, orderId: order.id, itemName: sub.itemName, amountWon: order.totalWon, reason: reasonOf(failure.category), nextRetryDate: null, finalAttempt: true },
      });
    }
  }

  /** business-service had no stock: nothing is charged, the cycle is skipped, the subscriber told. */
  async stockRefused(em: EntityManager, order: Order, now: Date): Promise<void> {
    await em.update(Order, { id: order.id }, { status: 'STOCK_REFUSED', closedAt: now, updatedAt: now });
    const sub = order.subscriptionId ? await em.findOneBy(Subscription, { id: order.subscriptionId }) : null;
    if (!sub) return;
    if (order.cycle === 0) {
      await em.update(Subscription, { id: sub.id }, { openOrderId: null, updatedAt: now });
    } else {
      const done = completeCycle(scheduleOf(sub), order.cycle ?? -1, 'SKIPPED', seoulDate(now));
      if (!done.ok) throw new Error(`cannot skip cycle ${order.cycle} of subscription ${sub.id}: ${done.reason}`);
      await em.update(Subscription, { id: sub.id }, { ...scheduleColumns(done.state), openOrderId: null, updatedAt: now });
    }
    await this.notices.notify(em, {
      accountId: order.accountId,
      kind: 'SKIPPED_FOR_STOCK',
      dedupeKey: `skipped-for-stock:${order.id}`,
      data: { subscriptionId: sub.id, orderId: order.id, itemName: sub.itemName, billingDate: order.billingDate },
    });
  }

  private async afterFailure(em: EntityManager, order: Order, failure: ChargeFailure, now: Date): Promise<void> {
    const sub = order.subscriptionId ? await em.findOneBy(Subscription, { id: order.subscriptionId }) : null;
    const firstFailureAt = order.firstFailureAt ?? now;
    const step = nextStepAfterFailure({
      category: failure.category,
      intervalWeeks: (sub?.intervalWeeks ?? 2) as 1 | 2 | 4,
      priorDeclines: order.declines,
      priorTransientFailures: order.transientFailures,
      firstFailureAt,
      now,
      firstBox: order.cycle === 0 || order.subscriptionId === null,
    });
    const countsAsDecline = failure.category !== 'transient' || (step.kind === 'RETRY' && step.countsAsDecline);
    await em.update(
      Order,
      { id: order.id },
      {
        firstFailureAt,
        declines: order.declines + (countsAsDecline ? 1 : 0),
        transientFailures: order.transientFailures + (failure.category === 'transient' ? 1 : 0),
        lastFailureCode: failure.code,
        lastFailureCategory: failure.category,
        updatedAt: now,
      },
    );
    if (step.kind === 'GIVE_UP') {
      await this.giveUp(em, { ...order, version: order.version + 1 }, now, failure);
      return;
    }
    const at = step.kind === 'RETRY' ? step.at : step.until;
    await em.update(Order, { id: order.id }, { status: step.kind === 'RETRY' ? 'RETRY_SCHEDULED' : 'AWAITING_CARD', nextAttemptAt: at });
    if (sub && countsAsDecline) {
      await this.notices.notify(em, {
        accountId: order.accountId,
        kind: 'PAYMENT_FAILED',
        dedupeKey: `payment-failed:${order.id}:${order.declines + 1}`,
        data: {
          subscriptionId: sub.id,
          orderId: order.id,
          itemName: sub.itemName,
          amountWon: order.totalWon,
          reason: reasonOf(failure.category),
          nextRetryDate: step.kind === 'RETRY' ? seoulDate(step.at) : null,
          finalAttempt: false,
        },
      });
    }
  }

  private async cycleBilled(em: EntityManager, sub: Subscription, order: Order, now: Date): Promise<void> {
    if (order.cycle === 0 || order.cycle === null) {
      await em.update(Subscription, { id: sub.id }, { openOrderId: null, consecutiveFailedCycles: 0, updatedAt: now });
      await this.notices.notify(em, {
        accountId: sub.accountId,
        kind: 'SUBSCRIPTION_STARTED',
        dedupeKey: `subscription-started:${sub.id}`,
        data: { subscriptionId: sub.id, itemName: sub.itemName, amountWon: order.totalWon, nextBillingDate: sub.nextBillingDate },
      });
      return;
    }
    const done = completeCycle(scheduleOf(sub), order.cycle, 'BILLED', seoulDate(now));
    if (!done.ok) {
      // The money is recorded above; a schedule that disagrees is a bug to look at, not a reason to lose the charge.
      this.log.error({ subscriptionId: sub.id, cycle: order.cycle, reason: done.reason }, 'charged cycle does not match the schedule');
      await em.update(Subscription, { id: sub.id }, { openOrderId: null, updatedAt: now });
      return;
    }
    await em.update(Subscription, { id: sub.id }, { ...scheduleColumns(done.state), openOrderId: null, consecutiveFailedCycles: 0, updatedAt: now });
  }

  private async announcePaid(em: EntityManager, order: Order, now: Date): Promise<void> {
    const lines = await em.find(OrderLine, { where: { orderId: order.id }, order: { position: 'ASC' } });
    const fees = await em.findBy(OrderShippingFee, { orderId: order.id });
    await this.outbox.add(em, orderPaid, {
      aggregateId: order.id,
      aggregateVersion: order.version + 1,
      payload: {
        orderId: order.id,
        userId: order.accountId,
        subscriptionId: order.subscriptionId,
        lines: lines.map((l) => ({
          lineId: l.id,
          catalogItemId: l.catalogItemId,
          productId: l.productId,
          optionId: l.optionId,
          partnerId: l.partnerId,
          productName: l.productName,
          optionLabel: l.optionLabel,
          quantity: l.quantity,
          unitPriceWon: l.unitPriceWon,
        })),
        shippingFees: fees.map((f) => ({ partnerId: f.partnerId, feeWon: f.feeWon })),
        totalWon: order.totalWon,
        shipTo: order.shipTo,
        paidAt: now.toISOString(),
      },
    });
  }

  /** The attempt and its order, locked; null when the attempt is already resolved. */
  private async lock(em: EntityManager, attemptId: string): Promise<{ attempt: PaymentAttempt; order: Order } | null> {
    const attempt = await em.createQueryBuilder(PaymentAttempt, 'a').where('a.id = :attemptId', { attemptId }).setLock('pessimistic_write').getOne();
    if (!attempt || attempt.status === 'APPROVED' || attempt.status === 'DECLINED') return null;
    const order = await em.createQueryBuilder(Order, 'o').where('o.id = :id', { id: attempt.orderId }).setLock('pessimistic_write').getOneOrFail();
    return { attempt, order };
  }
}

function reasonOf(category: FailureCategory): 'CARD_DECLINED' | 'CARD_NEEDS_REPLACEMENT' | 'PROVIDER_UNAVAILABLE' {
  if (category === 'hard_decline') return 'CARD_NEEDS_REPLACEMENT';
  if (category === 'transient') return 'PROVIDER_UNAVAILABLE';
  return 'CARD_DECLINED';
}

/** A Toss refusal as a failure of the attempt. */
export function failureOf(error: TossApiError): ChargeFailure {
  const category: FailureCategory = error.category === 'hard_decline' || error.category === 'soft_decline' || error.category === 'transient' ? error.category : 'bug';
  return { code: error.code, category, message: error.tossMessage };
}
