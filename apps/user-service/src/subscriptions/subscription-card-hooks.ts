import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Clock, CLOCK } from '@roastery/clock';
import { conflict } from '@roastery/http';
import { In, Not } from 'typeorm';
import { PaymentMethodHooks } from '../payment-methods/payment-method-hooks';
import { Subscription } from './subscription.entity';
import { SubscriptionEditsService } from './subscription-edits.service';

/**
 * Subscriptions' part in card changes. Removing the card of a live subscription moves it to the
 * replacement card, or is refused when there is none; a newly registered card takes over boxes
 * stuck on a declined card and retries them at once.
 */
@Injectable()
export class SubscriptionCardHooks implements OnModuleInit {
  constructor(
    private readonly hooks: PaymentMethodHooks,
    private readonly edits: SubscriptionEditsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.onRemoval(async (em, removal) => {
      const using = await em.find(Subscription, {
        where: { accountId: removal.accountId, paymentMethodId: removal.paymentMethodId, status: Not('CANCELLED') },
        lock: { mode: 'pessimistic_write' },
      });
      if (using.length === 0) return;
      if (!removal.replacementId) {
        throw conflict('PAYMENT_METHOD_IN_USE', 'this is the only card of an active subscription; add another card first, or cancel the subscription');
      }
      await em.update(Subscription, { id: In(using.map((s) => s.id)) }, { paymentMethodId: removal.replacementId, updatedAt: this.clock.now() });
    });

    this.hooks.onAdded(async (em, added) => {
      const now = this.clock.now();
      const waiting = await em.find(Subscription, { where: { accountId: added.accountId, status: Not('CANCELLED') }, lock: { mode: 'pessimistic_write' } });
      for (const s of waiting.filter((x) => x.openOrderId !== null)) {
        if (await this.edits.retryOpenBoxWith(em, s, added.paymentMethodId, now)) {
          await em.update(Subscription, { id: s.id }, { paymentMethodId: added.paymentMethodId, updatedAt: now });
        }
      }
    });
  }
}
