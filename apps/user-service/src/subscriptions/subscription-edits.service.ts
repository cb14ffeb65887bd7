import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { orderVoided, type SubscriptionDto, type UpdateSubscriptionRequest } from '@roastery/contracts';
import { ApiException, conflict, notFound, unprocessable } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AddressesService } from '../addresses/addresses.service';
import { ChargeWorkerLoop } from '../billing/charge-worker.loop';
import { Order } from '../orders/order.entity';
import { PaymentMethod } from '../payment-methods/payment-method.entity';
import {
  type BillingSchedule,
  changeInterval,
  pause,
  reschedule,
  resume,
  type ScheduleRefusal,
  type ScheduleResult,
  skipNext,
} from './schedule/billing-schedule.rules';
import { sellableOption } from './sellable-option';
import { Subscription } from './subscription.entity';
import { SubscriptionEvent, type SubscriptionEventKind } from './subscription-event.entity';
import { scheduleColumns, scheduleOf } from './subscription-schedule';
import { SubscriptionsService } from './subscriptions.service';

/** Boxes that can still be retried with another card. */
const RETRYABLE_WITH_NEW_CARD = new Set(['RETRY_SCHEDULED', 'AWAITING_CARD']);
/** Boxes a cancellation can still stop (not yet at Toss). */
const STOPPABLE = new Set(['PENDING_STOCK', 'READY_TO_CHARGE', 'RETRY_SCHEDULED', 'AWAITING_CARD']);

/**
 * The subscriber's operations. Each runs in one transaction holding the subscription's row lock,
 * the same lock the billing engine takes when it claims a due subscription: an edit lands either
 * before the claim (and the box is placed with it) or after it (and applies from the next box),
 * never half. The date rules are in schedule/billing-schedule.rules.ts.
 */
@Injectable()
export class SubscriptionEditsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly addresses: AddressesService,
    private readonly subscriptions: SubscriptionsService,
    private readonly loop: ChargeWorkerLoop,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  skip(accountId: string, id: string): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, today, now) => {
      this.requireStatus(s, ['ACTIVE']);
      const r = accept(skipNext(scheduleOf(s), today));
      await this.record(em, s, 'CYCLE_SKIPPED', r.skipped.cycle, { date: r.skipped.date, by: 'SUBSCRIBER' }, now);
      return scheduleColumns(r.state);
    });
  }

  pause(accountId: string, id: string, until: string | undefined): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, today, now) => {
      this.requireStatus(s, ['ACTIVE']);
      const r = accept(pause(scheduleOf(s), today, until ?? null));
      await this.record(em, s, 'PAUSED', null, { until: until ?? null }, now);
      return { ...scheduleColumns(r.state), status: 'PAUSED', pauseReason: 'SUBSCRIBER' };
    });
  }

  resume(accountId: string, id: string, date: string | undefined): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, today, now) => {
      this.requireStatus(s, ['PAUSED', 'PAST_DUE']);
      await this.requireLiveCard(em, s);
      const r = accept(resume(scheduleOf(s), today, date));
      await this.record(em, s, 'RESUMED', null, { date: date ?? null }, now);
      return { ...scheduleColumns(r.state), status: 'ACTIVE', consecutiveFailedCycles: 0, pauseReason: null };
    });
  }

  cancel(accountId: string, id: string, reason: string): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, _today, now) => {
      if (s.status === 'CANCELLED') throw conflict('INVALID_STATE', 'the subscription is already cancelled');
      await this.stopOpenBox(em, s, now);
      // Kept as an open-ended pause underneath, so a reactivation continues the same cadence.
      const paused = s.paused ? scheduleOf(s) : { ...scheduleOf(s), pause: { until: null } };
      await this.record(em, s, 'CANCELLED', null, { reason }, now);
      return { ...scheduleColumns(paused), status: 'CANCELLED', cancelReason: reason, cancelledAt: now, openOrderId: null };
    });
  }

  reactivate(accountId: string, id: string): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, today, now) => {
      this.requireStatus(s, ['CANCELLED']);
      await this.requireLiveCard(em, s);
      const r = accept(resume({ ...scheduleOf(s), pause: { until: null } }, today));
      await this.record(em, s, 'REACTIVATED', null, {}, now);
      return { ...scheduleColumns(r.state), status: 'ACTIVE', cancelReason: null, cancelledAt: null, consecutiveFailedCycles: 0 };
    });
  }

  /**
   * Consent to a partner's price rise: it applies from its effective date (the notice period) on;
   * a subscription paused because the date came without consent resumes on its cadence.
   */
  acceptPrice(accountId: string, id: string): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, today, now) => {
      if (s.pendingUnitPriceWon === null) throw conflict('INVALID_STATE', 'there is no price change to agree to');
      await this.record(em, s, 'CHANGED', null, { priceConsent: s.pendingUnitPriceWon }, now);
      if (s.status === 'PAUSED' && s.pauseReason === 'PRICE_CONSENT') {
        const r = accept(resume(scheduleOf(s), today));
        return { ...scheduleColumns(r.state), status: 'ACTIVE', pauseReason: null, unitPriceWon: s.pendingUnitPriceWon, priceAgreedAt: now, pendingUnitPriceWon: null, pendingPriceEffectiveDate: null, pendingPriceConsentedAt: null };
      }
      return { pendingPriceConsentedAt: now };
    });
  }

  /** PATCH: every change is checked before any is written, so a refused field changes nothing. */
  update(accountId: string, id: string, input: UpdateSubscriptionRequest): Promise<SubscriptionDto> {
    return this.edit(accountId, id, async (em, s, today, now) => {
      if (input.version !== undefined && input.version !== s.version) {
        throw conflict('CONFLICT', `the subscription changed since version ${input.version} (now ${s.version}); reload and try again`);
      }
      if (s.status === 'CANCELLED') throw conflict('INVALID_STATE', 'a cancelled subscription cannot be changed; reactivate it first');
      const patch: Partial<Subscription> = {};
      let schedule: BillingSchedule = scheduleOf(s);
      if (input.intervalWeeks !== undefined) schedule = accept(changeInterval(schedule, today, input.intervalWeeks)).state;
      if (input.nextBillingDate !== undefined) schedule = accept(reschedule(schedule, today, input.nextBillingDate)).state;
      Object.assign(patch, scheduleColumns(schedule));

      const quantity = input.quantity ?? s.quantity;
      if (input.catalogItemId !== undefined || input.optionId !== undefined || input.quantity !== undefined) {
        const itemId = input.catalogItemId ?? s.catalogItemId;
        const optionId = input.optionId ?? (input.catalogItemId !== undefined && input.catalogItemId !== s.catalogItemId ? undefined : s.optionId);
        if (!optionId) throw new ApiException(400, 'VALIDATION_FAILED', 'choose an option of the new item (optionId)');
        const swapped = itemId !== s.catalogItemId || optionId !== s.optionId;
        const option = await sellableOption(em, itemId, optionId, quantity);
        Object.assign(patch, { quantity });
        if (swapped) {
          // A swap agrees to the new item's current price (no proration; from the next box).
          const { itemVersion, ...snapshot } = option;
          Object.assign(patch, { ...snapshot, priceAgreedAt: now, pendingUnitPriceWon: null, pendingPriceEffectiveDate: null, pendingPriceConsentedAt: null, priceItemVersion: itemVersion });
        }
      }
      if (input.addressId !== undefined) {
        patch.addressId = input.addressId;
        patch.shipTo = await this.addresses.shipToOf(accountId, input.addressId, em);
      }
      if (input.paymentMethodId !== undefined) {
        const card = await em.findOneBy(PaymentMethod, { id: input.paymentMethodId, accountId, status: 'ACTIVE' });
        if (!card) throw notFound('payment method');
        patch.paymentMethodId = card.id;
        await this.retryOpenBoxWith(em, s, card.id, now);
      }
      await this.record(em, s, 'CHANGED', null, { fields: Object.keys(input).filter((k) => k !== 'version') }, now);
      return patch;
    });
  }

  /**
   * A new card for the account (registered, or made the card of a subscription): boxes waiting on
   * a declined card move to it and are retried at once.
   */
  async retryOpenBoxWith(em: EntityManager, s: Subscription, paymentMethodId: string, now: Date): Promise<boolean> {
    if (!s.openOrderId) return false;
    const order = await em.findOne(Order, { where: { id: s.openOrderId }, lock: { mode: 'pessimistic_write' } });
    if (!order || !RETRYABLE_WITH_NEW_CARD.has(order.status)) return false;
    await em.update(Order, { id: order.id }, { paymentMethodId, status: 'READY_TO_CHARGE', nextAttemptAt: null, updatedAt: now });
    setImmediate(() => this.loop.kickSoon());
    return true;
  }

  private async stopOpenBox(em: EntityManager, s: Subscription, now: Date): Promise<void> {
    if (!s.openOrderId) return;
    const order = await em.findOne(Order, { where: { id: s.openOrderId }, lock: { mode: 'pessimistic_write' } });
    if (!order || !STOPPABLE.has(order.status)) {
      if (order?.status === 'CHARGING') throw conflict('INVALID_STATE', 'this box is being charged right now; try again in a minute');
      return;
    }
    await em.update(Order, { id: order.id }, { status: 'CANCELLED', closedAt: now, nextAttemptAt: null, updatedAt: now });
    await this.outbox.add(em, orderVoided, { aggregateId: order.id, aggregateVersion: order.version + 1, payload: { orderId: order.id, reason: 'CANCELLED', voidedAt: now.toISOString() } });
  }

  private async requireLiveCard(em: EntityManager, s: Subscription): Promise<void> {
    if (!(await em.existsBy(PaymentMethod, { id: s.paymentMethodId, status: 'ACTIVE' }))) {
      throw unprocessable('INVALID_STATE', 'the card of this subscription was removed; choose another card first (PATCH paymentMethodId)');
    }
  }

  private requireStatus(s: Subscription, allowed: Subscription['status'][]): void {
    if (!allowed.includes(s.status)) throw conflict('INVALID_STATE', `not possible while the subscription is ${s.status}`);
  }

  private async record(em: EntityManager, s: Subscription, kind: SubscriptionEventKind, cycle: number | null, data: Record<string, unknown>, now: Date): Promise<void> {
    await em.insert(SubscriptionEvent, { id: uuidv7(), subscriptionId: s.id, kind, cycle, data: data as never, occurredAt: now });
  }

  private async edit(
    accountId: string,
    id: string,
    change: (em: EntityManager, s: Subscription, today: string, now: Date) => Promise<Partial<Subscription>>,
  ): Promise<SubscriptionDto> {
    await this.ds.transaction(async (em) => {
      const s = await em.findOne(Subscription, { where: { id, accountId }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw notFound('subscription');
      const now = this.clock.now();
      const patch = await change(em, s, seoulDate(now), now);
      await em.update(Subscription, { id }, { ...patch, updatedAt: now });
    });
    return this.subscriptions.get(accountId, id);
  }
}

const REFUSALS: Record<ScheduleRefusal, () => ApiException> = {
  INVALID_DATE: () => new ApiException(400, 'VALIDATION_FAILED', 'not a calendar date (YYYY-MM-DD)'),
  INVALID_INTERVAL: () => new ApiException(400, 'VALIDATION_FAILED', 'intervalWeeks must be 1, 2 or 4'),
  PAUSED: () => conflict('INVALID_STATE', 'not possible while the subscription is paused'),
  NOT_PAUSED: () => conflict('INVALID_STATE', 'the subscription is not paused'),
  CYCLE_DUE: () => conflict('INVALID_STATE', 'the next box is due and being billed; change it after this box'),
  NOT_DUE: () => conflict('INVALID_STATE', 'no box is due'),
  NOT_NEXT_CYCLE: () => conflict('INVALID_STATE', 'that box was already processed'),
  DATE_OUT_OF_BOUNDS: () => unprocessable('DATE_OUT_OF_BOUNDS', 'the date is outside what this operation allows (see upcomingDates and the rules)'),
};

/** The accepted result, or the refusal as an API error. */
function accept<R extends ScheduleRefusal, X>(result: ScheduleResult<R, X>): Extract<ScheduleResult<R, X>, { ok: true }> {
  if (!result.ok) throw REFUSALS[result.reason]();
  return result as Extract<ScheduleResult<R, X>, { ok: true }>;
}
