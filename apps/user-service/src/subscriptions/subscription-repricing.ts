import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { catalogItemPublished, type PayloadOf } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import type { EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { addDays } from './schedule/local-date';
import { Subscription } from './subscription.entity';

/**
 * Keeps subscriptions' price snapshots honest when a partner's price changes. A cut applies from
 * the next box at once; a rise is announced and applies only from a date PRICE_RISE_NOTICE_DAYS
 * ahead, and only with the subscriber's consent (without it, the subscription pauses on that
 * date rather than charge more than was agreed).
 */
@Injectable()
export class SubscriptionRepricing implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly notices: NotificationsService,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.bus.on(catalogItemPublished, 'user.subscriptions.reprice', ({ payload, em }) => this.reprice(em, payload));
  }

  async reprice(em: EntityManager, p: PayloadOf<typeof catalogItemPublished>): Promise<void> {
    const prices = new Map(p.content.options.map((o) => [o.id, o.priceWon]));
    if (prices.size === 0) return;
    const subs = await em
      .createQueryBuilder(Subscription, 's')
      .where(`s.option_id = ANY(:ids) AND s.status <> 'CANCELLED' AND s.price_item_version < :version`, { ids: [...prices.keys()], version: p.itemVersion })
      .setLock('pessimistic_write')
      .getMany();
    const now = this.clock.now();
    const effectiveFrom = addDays(seoulDate(now), this.config.PRICE_RISE_NOTICE_DAYS);
    for (const s of subs) {
      const price = prices.get(s.optionId);
      if (price === undefined) continue;
      if (price <= s.unitPriceWon) {
        await em.update(Subscription, { id: s.id }, { unitPriceWon: price, priceAgreedAt: price < s.unitPriceWon ? now : s.priceAgreedAt, pendingUnitPriceWon: null, pendingPriceEffectiveDate: null, pendingPriceConsentedAt: null, priceItemVersion: p.itemVersion, updatedAt: now });
        continue;
      }
      await em.update(Subscription, { id: s.id }, { pendingUnitPriceWon: price, pendingPriceEffectiveDate: effectiveFrom, pendingPriceConsentedAt: null, priceItemVersion: p.itemVersion, updatedAt: now });
      await this.notices.notify(em, {
        accountId: s.accountId,
        kind: 'PRICE_CHANGE',
        dedupeKey: `price-change:${s.id}:${p.itemVersion}`,
        data: { subscriptionId: s.id, itemName: s.itemName, oldUnitPriceWon: s.unitPriceWon, newUnitPriceWon: price, effectiveFrom },
      });
    }
  }
}
