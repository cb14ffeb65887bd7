import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TossBilling } from '@roastery/toss';
import { type DataSource, IsNull } from 'typeorm';
import { z } from 'zod';
import { CLOCK, type Clock } from '../clock';
import { newAuthKey, newBillingKey } from '../common/ids';
import { tossError } from '../common/toss-errors';
import { toTossBilling } from '../payments/payment.mapper';
import { SettingsService } from '../settings/settings.service';
import { WebhookOutboxService } from '../webhooks/webhook-outbox.service';
import { AuthKeyEntity } from './auth-key.entity';
import { BillingKeyEntity } from './billing-key.entity';
import { invalidRequest, parseCardRequest, parseIssueRequest } from './billing-requests';
import { registerCard } from './card-registration';
import { CARD_OUTCOMES, type CardOutcome, type StoredCard } from './test-cards';

const scriptSchema = z.strictObject({
  outcome: z.enum(CARD_OUTCOMES).optional(),
  next: z.array(z.enum(CARD_OUTCOMES)).max(100).optional(),
});

/** Billing keys: authKeys from the window, issue, deletion and per-key scripted outcomes. */
@Injectable()
export class BillingKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  /** Records the one-time authKey the window hands to successUrl. */
  async createAuthKey(customerKey: string, card: StoredCard): Promise<string> {
    const now = this.clock.now();
    const authKey = newAuthKey();
    await this.dataSource.getRepository(AuthKeyEntity).insert({
      authKey,
      customerKey,
      card,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.settings.current.authKeyTtlSeconds * 1000),
      usedAt: null,
      billingKey: null,
    });
    return authKey;
  }

  /** `POST /v1/billing/authorizations/issue`: exchanges an authKey for a billing key bound to its customerKey. */
  async issueFromAuthKey(body: unknown): Promise<TossBilling> {
    const input = parseIssueRequest(body);
    const settings = this.settings.current;
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const auth = await em.findOne(AuthKeyEntity, { where: { authKey: input.authKey }, lock: { mode: 'pessimistic_write' } });
      // Unknown, expired and used authKeys all answer NOT_FOUND_BILLING, as observed on the live API.
      if (!auth || auth.expiresAt <= now) throw tossError('NOT_FOUND_BILLING');
      if (auth.customerKey !== input.customerKey) throw tossError('NOT_MATCHES_CUSTOMER_KEY', 'authKey를 발급받은 customerKey와 일치하지 않습니다.');
      if (auth.usedAt) {
        const issued = settings.authKeyReusable && auth.billingKey ? await em.findOneBy(BillingKeyEntity, { billingKey: auth.billingKey }) : null;
        if (!issued || issued.deletedAt) throw tossError('NOT_FOUND_BILLING');
        return toTossBilling(issued, settings.mId);
      }
      const billing = this.newKey(input.customerKey, auth.card, now);
      await em.insert(BillingKeyEntity, billing);
      await em.update(AuthKeyEntity, { authKey: auth.authKey }, { usedAt: now, billingKey: billing.billingKey });
      return toTossBilling(billing, settings.mId);
    });
  }

  /** `POST /v1/billing/authorizations/card`: issues a billing key straight from card data. */
  async issueFromCard(body: unknown): Promise<TossBilling> {
    const input = parseCardRequest(body);
    const now = this.clock.now();
    const card = registerCard(
      { cardNumber: input.cardNumber, expirationMonth: input.cardExpirationMonth, expirationYear: input.cardExpirationYear, identityNumber: input.customerIdentityNumber },
      now,
    );
    const billing = this.newKey(input.customerKey, card, now);
    await this.dataSource.getRepository(BillingKeyEntity).insert(billing);
    return toTossBilling(billing, this.settings.current.mId);
  }

  /** `DELETE /v1/billing/{billingKey}`: 200 with no body, and a BILLING_DELETED webhook. */
  async delete(billingKey: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const key = await em.findOne(BillingKeyEntity, { where: { billingKey }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw tossError('NOT_FOUND_BILLING');
      if (key.deletedAt) {
        if (this.settings.current.repeatedDeleteAnswer === 'OK') return;
        throw tossError('NOT_FOUND_BILLING');
      }
      await em.update(BillingKeyEntity, { billingKey }, { deletedAt: this.clock.now() });
      await this.webhooks.add(em, 'BILLING_DELETED', { billingKey, reason: '삭제 API 요청' });
    });
  }

  /** Sets a key's standing outcome and/or queues one-shot outcomes for its next charges. */
  async script(billingKey: string, body: unknown): Promise<{ outcome: CardOutcome; queuedOutcomes: CardOutcome[] }> {
    const parsed = scriptSchema.safeParse(body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const repo = this.dataSource.getRepository(BillingKeyEntity);
    const key = await repo.findOneBy({ billingKey });
    if (!key) throw tossError('NOT_FOUND_BILLING');
    const outcome = parsed.data.outcome ?? key.outcome;
    const queuedOutcomes = parsed.data.next ?? key.queuedOutcomes;
    await repo.update({ billingKey }, { outcome, queuedOutcomes });
    return { outcome, queuedOutcomes };
  }

  /**
   * Scripts every live billing key of a customer at once: what a test or a demo that knows only
   * the customerKey (never the billing key, which stays encrypted with the merchant) can use.
   */
  async scriptCustomer(customerKey: string, body: unknown): Promise<{ billingKeys: number }> {
    const parsed = scriptSchema.safeParse(body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const repo = this.dataSource.getRepository(BillingKeyEntity);
    const keys = await repo.findBy({ customerKey, deletedAt: IsNull() });
    for (const key of keys) {
      await repo.update({ billingKey: key.billingKey }, { outcome: parsed.data.outcome ?? key.outcome, queuedOutcomes: parsed.data.next ?? key.queuedOutcomes });
    }
    return { billingKeys: keys.length };
  }

  private newKey(customerKey: string, card: StoredCard, now: Date): BillingKeyEntity {
    return Object.assign(new BillingKeyEntity(), {
      billingKey: newBillingKey(),
      customerKey,
      card,
      authenticatedAt: now,
      outcome: card.outcome,
      queuedOutcomes: [],
      deletedAt: null,
    });
  }
}
