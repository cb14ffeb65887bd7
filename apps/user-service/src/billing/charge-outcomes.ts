import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { orderBatchPaid, orderPaid, orderVoided, type ShipTo } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { uuidv7 } from '@roastery/persistence';
import type { TossApiError, TossPayment } from '@roastery/toss';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { type BillingSchedule, completeCycle, pause } from '../subscriptions/schedule/billing-schedule.rules';
import { laterOf, type LocalDate } from '../subscriptions/schedule/local-date';
import { Subscription } from '../subscriptions/subscription.entity';
import { scheduleColumns, scheduleOf } from '../subscriptions/subscription-schedule';
import { type FailureCategory, nextStepAfterFailure } from './dunning.rules';
import { insertNotices, type NoticeInput } from './notices-batch';
import { PaymentAttempt } from './payment-attempt.entity';

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
    await this.approvedMany([{ attemptId, payment }]);
  }

  /**
   * Many approvals in one transaction, with the same effects and the same "only once" check as one
   * by one: attempts and their orders are locked (in id order, so concurrent batches never
   * deadlock), attempts already resolved are left alone, and everything else is written with one
   * set-based statement per table — attempts, ledger rows, orders, subscriptions, order.paid in
   * the outbox, notices. The statement count is constant whatever the number of approvals.
   */
  async approvedMany(answers: readonly ApprovedCharge[]): Promise<void> {
    if (answers.length === 0) return;
    const paymentOf = new Map<string, TossPayment>();
    for (const a of answers) if (!paymentOf.has(a.attemptId)) paymentOf.set(a.attemptId, a.payment);
    await this.ds.transaction(async (em) => {
      const locked: AttemptRow[] = await em.query(
        `SELECT id, order_id, toss_order_id, amount_won, payment_method_id, status FROM payment_attempts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[...paymentOf.keys()]],
      );
      const attempts = locked.filter((a) => a.status !== 'APPROVED' && a.status !== 'DECLINED');
      if (attempts.length === 0) return;
      const orderRows: OrderRow[] = await em.query(
        `SELECT id, account_id, subscription_id, cycle, status, total_won, order_name, ship_to, version FROM orders WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[...new Set(attempts.map((a) => a.order_id))]],
      );
      const orderById = new Map(orderRows.map((o) => [o.id, o]));
      const now = this.clock.now();
      const approved = attempts.map((attempt) => {
        const payment = paymentOf.get(attempt.id) as TossPayment;
        const order = orderById.get(attempt.order_id);
        if (!order) throw new Error(`order ${attempt.order_id} of attempt ${attempt.id} is missing`);
        if (payment.totalAmount !== attempt.amount_won || payment.orderId !== attempt.toss_order_id) {
          // Money moved at Toss, so it is recorded whatever we expected; the mismatch is for an operator.
          this.log.error({ attemptId: attempt.id, expected: attempt.amount_won, charged: payment.totalAmount }, 'approved payment does not match its attempt');
        }
        if (order.status === 'PAYMENT_FAILED' || order.status === 'STOCK_REFUSED') {
          this.log.error({ orderId: order.id, status: order.status }, 'a closed order was charged after all; it is recorded as paid');
        }
        return { attempt, payment, order };
      });

      await em.query(
        `UPDATE payment_attempts a SET status = 'APPROVED', payment_key = v.payment_key, resolved_at = $3
           FROM unnest($1::uuid[], $2::text[]) AS v(id, payment_key) WHERE a.id = v.id`,
        [approved.map((x) => x.attempt.id), approved.map((x) => x.payment.paymentKey), now],
      );
      await em.query(
        `INSERT INTO payment_ledger (id, order_id, account_id, kind, amount_won, payment_key, toss_order_id, attempt_id, refund_id, occurred_at)
         SELECT id, order_id, account_id, 'CHARGE', amount_won, payment_key, toss_order_id, attempt_id, NULL, occurred_at
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[])
             AS v(id, order_id, account_id, amount_won, payment_key, toss_order_id, attempt_id, occurred_at)`,
        [
          approved.map(() => uuidv7()),
          approved.map((x) => x.order.id),
          approved.map((x) => x.order.account_id),
          approved.map((x) => x.payment.totalAmount),
          approved.map((x) => x.payment.paymentKey),
          approved.map((x) => x.attempt.toss_order_id),
          approved.map((x) => x.attempt.id),
          approved.map((x) => (x.payment.approvedAt ? new Date(x.payment.approvedAt) : now)),
        ],
      );
      await em.query(
        `UPDATE orders SET status = 'PAID', paid_at = $2, closed_at = $2, next_attempt_at = NULL, updated_at = $2, version = version + 1 WHERE id = ANY($1::uuid[])`,
        [approved.map((x) => x.order.id), now],
      );
      const notices: NoticeInput[] = [];
      await this.cyclesBilled(em, approved.map((x) => x.order), now, notices);
      await this.announcePaid(em, approved.map((x) => ({ ...x.order, paymentKey: x.payment.paymentKey, tossOrderId: x.attempt.toss_order_id })), now);

      const cards: { id: string; card_company: string; masked_number: string }[] = await em.query(
        `SELECT id, card_company, masked_number FROM payment_methods WHERE id = ANY($1::uuid[])`,
        [[...new Set(approved.map((x) => x.attempt.payment_method_id))]],
      );
      const cardById = new Map(cards.map((c) => [c.id, c]));
      for (const { attempt, payment, order } of approved) {
        const card = cardById.get(attempt.payment_method_id);
        notices.push({
          accountId: order.account_id,
          kind: 'CHARGED',
          dedupeKey: `charged:${order.id}`,
          data: { subscriptionId: order.subscription_id, orderId: order.id, itemName: order.order_name, amountWon: payment.totalAmount, cardCompany: card?.card_company ?? '', maskedNumber: card?.masked_number ?? '' },
        });
      }
      await insertNotices(em, notices, now);
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
    const done = completeCycle(scheduleOf(sub), order.cycle ?? -1, 'SKIPPED', completionDay(scheduleOf(sub), now));
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
      // No first box, no subscription: the subscriber is told in the answer to their request
      // (422 OUT_OF_STOCK), as with a declined first charge.
      await em.update(Subscription, { id: sub.id }, { status: 'CANCELLED', cancelReason: 'FIRST_BOX_OUT_OF_STOCK', cancelledAt: now, openOrderId: null, updatedAt: now });
      return;
    }
    const done = completeCycle(scheduleOf(sub), order.cycle ?? -1, 'SKIPPED', completionDay(scheduleOf(sub), now));
    if (!done.ok) throw new Error(`cannot skip cycle ${order.cycle} of subscription ${sub.id}: ${done.reason}`);
    await em.update(Subscription, { id: sub.id }, { ...scheduleColumns(done.state), openOrderId: null, updatedAt: now });
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

  /** The cycles of paid orders: each subscription's schedule moves on (rows locked in id order), in one UPDATE. */
  private async cyclesBilled(em: EntityManager, orders: readonly OrderRow[], now: Date, notices: NoticeInput[]): Promise<void> {
    const subIds = [...new Set(orders.map((o) => o.subscription_id).filter((id): id is string => id !== null))];
    if (subIds.length === 0) return;
    const subs = await em.createQueryBuilder(Subscription, 's').where('s.id IN (:...subIds)', { subIds }).orderBy('s.id').setLock('pessimistic_write').getMany();
    const subById = new Map(subs.map((s) => [s.id, s]));
    const bumps = new Map<string, number>();
    // In order, as one by one would: a subscription with two paid orders here sees the first's result.
    for (const order of orders) {
      const sub = order.subscription_id ? subById.get(order.subscription_id) : undefined;
      if (!sub) continue;
      bumps.set(sub.id, (bumps.get(sub.id) ?? 0) + 1);
      sub.openOrderId = null;
      if (order.cycle === 0 || order.cycle === null) {
        sub.consecutiveFailedCycles = 0;
        notices.push({
          accountId: sub.accountId,
          kind: 'SUBSCRIPTION_STARTED',
          dedupeKey: `subscription-started:${sub.id}`,
          data: { subscriptionId: sub.id, itemName: sub.itemName, amountWon: order.total_won, nextBillingDate: sub.nextBillingDate },
        });
        continue;
      }
      const done = completeCycle(scheduleOf(sub), order.cycle, 'BILLED', completionDay(scheduleOf(sub), now));
      if (!done.ok) {
        // The money is recorded; a schedule that disagrees is a bug to look at, not a reason to lose the charge.
        this.log.error({ subscriptionId: sub.id, cycle: order.cycle, reason: done.reason }, 'charged cycle does not match the schedule');
        continue;
      }
      Object.assign(sub, scheduleColumns(done.state));
      sub.consecutiveFailedCycles = 0;
    }
    const changed = subs.filter((s) => bumps.has(s.id));
    await em.query(
      `UPDATE subscriptions s
          SET interval_weeks = v.interval_weeks, anchor_date = v.anchor_date, next_cycle = v.next_cycle, next_billing_date = v.next_billing_date,
              last_cycle_date = v.last_cycle_date, paused = v.paused, pause_until = v.pause_until, open_order_id = NULL,
              consecutive_failed_cycles = v.consecutive_failed_cycles, updated_at = $10, version = s.version + v.bump
         FROM unnest($1::uuid[], $2::int[], $3::date[], $4::int[], $5::date[], $6::date[], $7::boolean[], $8::date[], $9::int[], $11::int[])
           AS v(id, interval_weeks, anchor_date, next_cycle, next_billing_date, last_cycle_date, paused, pause_until, consecutive_failed_cycles, bump)
        WHERE s.id = v.id`,
      [
        changed.map((s) => s.id),
        changed.map((s) => s.intervalWeeks),
        changed.map((s) => s.anchorDate),
        changed.map((s) => s.nextCycle),
        changed.map((s) => s.nextBillingDate),
        changed.map((s) => s.lastCycleDate),
        changed.map((s) => s.paused),
        changed.map((s) => s.pauseUntil),
        changed.map((s) => s.consecutiveFailedCycles),
        now,
        changed.map((s) => bumps.get(s.id) ?? 1),
      ],
    );
  }

  /** order.paid for each paid order, with its lines and shipping fees read in two statements. */
  private async announcePaid(em: EntityManager, orders: readonly (OrderRow & { paymentKey: string; tossOrderId: string })[], now: Date): Promise<void> {
    const ids = orders.map((o) => o.id);
    const lines: OrderLineRow[] = await em.query(
      `SELECT id, order_id, catalog_item_id, product_id, option_id, partner_id, product_name, option_label, quantity, unit_price_won
         FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
      [ids],
    );
    const fees: { order_id: string; partner_id: string; fee_won: number }[] = await em.query(`SELECT order_id, partner_id, fee_won FROM order_shipping_fees WHERE order_id = ANY($1::uuid[])`, [ids]);
    const linesOf = groupBy(lines, (l) => l.order_id);
    const feesOf = groupBy(fees, (f) => f.order_id);
    const events = orders.map((order) => ({
      aggregateId: order.id,
      aggregateVersion: order.version + 1,
      payload: {
          orderId: order.id,
          userId: order.account_id,
          subscriptionId: order.subscription_id,
          lines: (linesOf.get(order.id) ?? []).map((l) => ({
            lineId: l.id,
            catalogItemId: l.catalog_item_id,
            productId: l.product_id,
            optionId: l.option_id,
            partnerId: l.partner_id,
            productName: l.product_name,
            optionLabel: l.option_label,
            quantity: l.quantity,
            unitPriceWon: l.unit_price_won,
          })),
          shippingFees: (feesOf.get(order.id) ?? []).map((f) => ({ partnerId: f.partner_id, feeWon: f.fee_won })),
          totalWon: order.total_won,
          shipTo: order.ship_to,
          paidAt: now.toISOString(),
          paymentKey: order.paymentKey,
          tossOrderId: order.tossOrderId,
        },
      }));
    await this.outbox.addMany(em, orderPaid, events);
    // The same orders in one message for business-service, which must keep pace with a billing run (ADR 0021).
    const batchId = uuidv7();
    await this.outbox.add(em, orderBatchPaid, { aggregateId: batchId, aggregateVersion: 1, payload: { batchId, orders: events.map((e) => e.payload) } });
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

/**
 * The day the box of a schedule's next cycle completes on: today by this instance's clock, but never
 * before that box's billing date. The box was placed because it was due by the clock of the
 * instance that claimed it; an instance whose clock lags (hosts a moment apart at midnight, or one
 * not yet caught up with the shared sandbox clock) must still complete it rather than find it
 * "not due" — which left a charged cycle open, so the next claim placed the same cycle again and
 * failed on orders_subscription_cycle, every tick, for every subscription of its batch.
 */
function completionDay(schedule: BillingSchedule, now: Date): LocalDate {
  return laterOf(seoulDate(now), schedule.nextBillingDate);
}

/** A Toss refusal as a failure of the attempt. */
export function failureOf(error: TossApiError): ChargeFailure {
  const category: FailureCategory = error.category === 'hard_decline' || error.category === 'soft_decline' || error.category === 'transient' ? error.category : 'bug';
  return { code: error.code, category, message: error.tossMessage };
}

/** One approval Toss gave: the attempt it answers and the payment. */
export interface ApprovedCharge {
  attemptId: string;
  payment: TossPayment;
}

interface AttemptRow {
  id: string;
  order_id: string;
  toss_order_id: string;
  amount_won: number;
  payment_method_id: string;
  status: string;
}

interface OrderRow {
  id: string;
  account_id: string;
  subscription_id: string | null;
  cycle: number | null;
  status: string;
  total_won: number;
  order_name: string;
  ship_to: ShipTo;
  version: number;
}

interface OrderLineRow {
  id: string;
  order_id: string;
  catalog_item_id: string;
  product_id: string;
  option_id: string;
  partner_id: string;
  product_name: string;
  option_label: string;
  quantity: number;
  unit_price_won: number;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
