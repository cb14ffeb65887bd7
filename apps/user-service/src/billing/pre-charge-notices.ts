import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { Scheduler } from '@roastery/scheduler';
import { DataSource } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { addDays } from '../subscriptions/schedule/local-date';
import { Subscription } from '../subscriptions/subscription.entity';
import { previewOf } from '../subscriptions/subscription.mapper';
import { BillingEngine } from './billing-engine';

/** Days before a charge that the subscriber is told its date and amount. */
export const PRE_CHARGE_NOTICE_DAYS = 3;

/**
 * Tells subscribers about each charge three days ahead. Subscriptions due within the next three
 * days are noticed once per cycle (the dedupe key), so a clock that jumps still leaves a notice,
 * late rather than never.
 */
@Injectable()
export class PreChargeNotices implements OnModuleInit {
  static readonly JOB = 'billing.pre-charge-notices';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notices: NotificationsService,
    private readonly engine: BillingEngine,
    private readonly scheduler: Scheduler,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(PreChargeNotices.JOB, this.config.BILLING_RUN_INTERVAL_MS, () => this.send().then(() => undefined));
  }

  async send(): Promise<number> {
    const today = seoulDate(this.clock.now());
    return this.ds.transaction(async (em) => {
      const due = await em
        .createQueryBuilder(Subscription, 's')
        .where(`s.status = 'ACTIVE' AND s.open_order_id IS NULL AND s.next_billing_date > :today AND s.next_billing_date <= :horizon`, {
          today,
          horizon: addDays(today, PRE_CHARGE_NOTICE_DAYS),
        })
        .getMany();
      for (const s of due) {
        const preview = previewOf(s, s.nextBillingDate, this.engine.terms);
        if (!preview) continue;
        await this.notices.notify(em, {
          accountId: s.accountId,
          kind: 'PRE_CHARGE',
          dedupeKey: `pre-charge:${s.id}:${s.nextCycle}:${s.nextBillingDate}`,
          data: { subscriptionId: s.id, itemName: s.itemName, billingDate: s.nextBillingDate, amountWon: preview.totalWon },
        });
      }
      return due.length;
    });
  }
}
