import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { Outbox } from '@roastery/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { placeBox, type PlacedOrder, type PlatformTerms } from '../orders/order-placement';
import { dueCycle, settlePause } from '../subscriptions/schedule/billing-schedule.rules';
import { Subscription } from '../subscriptions/subscription.entity';
import { scheduleColumns, scheduleOf } from '../subscriptions/subscription-schedule';
import { insertOrdersAndRequestStock } from './order-store';

/** What one claim pass did. */
export interface ClaimResult {
  claimed: number;
  ordersPlaced: number;
  resumed: number;
}

/**
 * The billing engine's first step: claims due subscriptions in batches with FOR UPDATE SKIP
 * LOCKED (so any number of instances can run it side by side), places one order per due cycle
 * and asks for its stock. A subscription with a box in flight is not claimed again; the order's
 * unique (subscription, cycle) makes a second order for the same cycle impossible anyway.
 */
@Injectable()
export class BillingEngine {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get terms(): PlatformTerms {
    return {
      commissionRateBp: this.config.COMMISSION_RATE_BP,
      shipping: { feeWon: this.config.SHIPPING_FEE_WON, freeThresholdWon: this.config.FREE_SHIPPING_THRESHOLD_WON },
    };
  }

  /** Claims and places until nothing is due, one transaction per batch. */
  async placeDueOrders(runId: string | null = null, onBatch?: (r: ClaimResult) => Promise<void>): Promise<ClaimResult> {
    const total: ClaimResult = { claimed: 0, ordersPlaced: 0, resumed: 0 };
    for (;;) {
      const r = await this.claimBatch(runId);
      total.claimed += r.claimed;
      total.ordersPlaced += r.ordersPlaced;
      total.resumed += r.resumed;
      if (r.claimed > 0) await onBatch?.(total);
      if (r.claimed < this.config.BILLING_BATCH_SIZE) return total;
    }
  }

  /** One batch: due subscriptions, and paused ones whose pause has ended (they resume on their cadence). */
  async claimBatch(runId: string | null): Promise<ClaimResult> {
    const now = this.clock.now();
    const today = seoulDate(now);
    return this.ds.transaction(async (em) => {
      const subs = await em
        .createQueryBuilder(Subscription, 's')
        .where(`(s.status = 'ACTIVE' AND s.open_order_id IS NULL AND s.next_billing_date <= :today)`, { today })
        .orWhere(`(s.status = 'PAUSED' AND s.pause_until IS NOT NULL AND s.pause_until <= :today)`, { today })
        .orderBy('s.next_billing_date')
        .addOrderBy('s.id')
        .limit(this.config.BILLING_BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const placed: PlacedOrder[] = [];
      let resumed = 0;
      for (const sub of subs) {
        const schedule = settlePause(scheduleOf(sub), today);
        if (sub.status === 'PAUSED' && schedule.pause === null) {
          resumed++;
          await this.updateSubscription(em, sub, { status: 'ACTIVE', ...scheduleColumns(schedule) }, now);
          sub.status = 'ACTIVE';
          Object.assign(sub, scheduleColumns(schedule));
        }
        const due = sub.status === 'ACTIVE' ? dueCycle(schedule, today) : null;
        if (!due) continue;
        if (sub.pendingUnitPriceWon !== null && sub.pendingPriceEffectiveDate !== null && due.date >= sub.pendingPriceEffectiveDate) {
          if (!sub.pendingPriceConsentedAt) {
            // A price rise reached its date without consent: pause rather than charge more than agreed.
            await this.updateSubscription(em, sub, { status: 'PAUSED', pauseReason: 'PRICE_CONSENT', ...scheduleColumns({ ...schedule, pause: { until: null } }) }, now);
            continue;
          }
          const adopted = { unitPriceWon: sub.pendingUnitPriceWon, priceAgreedAt: sub.pendingPriceConsentedAt, pendingUnitPriceWon: null, pendingPriceEffectiveDate: null, pendingPriceConsentedAt: null };
          await this.updateSubscription(em, sub, adopted, now);
          Object.assign(sub, adopted);
        }
        const box = placeBox(
          {
            accountId: sub.accountId,
            subscriptionId: sub.id,
            cycle: due.cycle,
            catalogItemId: sub.catalogItemId,
            productId: sub.productId,
            partnerId: sub.partnerId,
            optionId: sub.optionId,
            itemName: sub.itemName,
            optionLabel: sub.optionLabel,
            quantity: sub.quantity,
            unitPriceWon: sub.unitPriceWon,
            paymentMethodId: sub.paymentMethodId,
            shipTo: sub.shipTo,
            billingDate: due.date,
            runId,
          },
          this.terms,
          now,
        );
        placed.push(box);
      }
      await insertOrdersAndRequestStock(em, this.outbox, placed, now);
      if (placed.length > 0) {
        await em.query(
          `UPDATE subscriptions s SET open_order_id = v.order_id, version = s.version + 1, updated_at = $2
             FROM unnest($1::uuid[], $3::uuid[]) AS v(subscription_id, order_id) WHERE s.id = v.subscription_id`,
          [placed.map((p) => p.order.subscriptionId), now, placed.map((p) => p.order.id)],
        );
      }
      return { claimed: subs.length, ordersPlaced: placed.length, resumed };
    });
  }

  private async updateSubscription(em: EntityManager, sub: Subscription, patch: Partial<Subscription>, now: Date): Promise<void> {
    await em.update(Subscription, { id: sub.id }, { ...patch, updatedAt: now });
    sub.version += 1;
  }
}
