import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PaymentMethodDto, PaymentMethodSetupDto, RegisterPaymentMethodRequest } from '@roastery/contracts';
import { notFound, unprocessable } from '@roastery/http';
import { uuidv7 } from '@roastery/persistence';
import { type TossBilling, TossClient } from '@roastery/toss';
import { DataSource, type EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { lockAccount } from '../accounts/account-lock';
import { CONFIG, type UserServiceConfig } from '../config';
import { tossFailureToApi } from '../toss/toss-failures';
import { TossWindow } from '../toss/toss-window';
import { BillingKeyDeletion } from './billing-key-deletion';
import { BillingKeyVault } from './billing-key-vault';
import { PaymentMethod } from './payment-method.entity';
import { PaymentMethodHooks } from './payment-method-hooks';
import { cardFacts } from './payment-method.rules';
import { toPaymentMethodDto } from './payment-methods.mapper';

/** A subscriber's saved cards: registered through Toss's billing-auth window, kept as encrypted billing keys. */
@Injectable()
export class PaymentMethodsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    private readonly toss: TossClient,
    private readonly window: TossWindow,
    private readonly vault: BillingKeyVault,
    private readonly deletion: BillingKeyDeletion,
    private readonly hooks: PaymentMethodHooks,
  ) {}

  /** What the web needs to open the billing-auth window for this account. */
  async setup(accountId: string): Promise<PaymentMethodSetupDto> {
    const customerKey = await this.customerKeyOf(this.ds.manager, accountId);
    return { customerKey, provider: this.window.provider, windowUrl: this.window.windowUrl, clientKey: this.window.clientKey };
  }

  /**
   * Exchanges the window's authKey for a billing key and saves the card. The Toss call's
   * Idempotency-Key derives from the authKey, so a retry after a lost answer gets the same billing
   * key back; its digest is unique, so the card is saved once however often the call is repeated.
   */
  async register(accountId: string, input: RegisterPaymentMethodRequest): Promise<{ method: PaymentMethodDto; created: boolean }> {
    const ownKey = await this.customerKeyOf(this.ds.manager, accountId);
    // Someone else's customerKey is indistinguishable from a made-up one.
    if (input.customerKey !== ownKey) throw notFound('customerKey');
    await this.assertRoomForAnother(this.ds.manager, accountId);

    let billing: TossBilling;
    try {
      billing = await this.toss.issueBillingKey(input, { idempotencyKey: registrationKey(input) });
    } catch (error) {
      throw tossFailureToApi(error, 'CARD_REGISTRATION_FAILED');
    }
    if (billing.customerKey !== ownKey) throw unprocessable('CARD_REGISTRATION_FAILED', 'the payment provider bound the card to another customer');

    const digest = BillingKeyVault.digest(billing.billingKey);
    return this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      const existing = await em.findOneBy(PaymentMethod, { billingKeyDigest: digest });
      if (existing) {
        if (existing.accountId !== accountId) throw notFound('customerKey');
        return { method: toPaymentMethodDto(existing), created: false };
      }
      await this.assertRoomForAnother(em, accountId);
      const id = uuidv7();
      const hasDefault = await em.existsBy(PaymentMethod, { accountId, isDefault: true });
      const method = em.create(PaymentMethod, {
        id,
        accountId,
        status: 'ACTIVE',
        ...this.vault.seal(id, billing.billingKey),
        billingKeyDigest: digest,
        customerKey: ownKey,
        ...cardFacts(billing),
        isDefault: !hasDefault,
        deletedAt: null,
      });
      await em.insert(PaymentMethod, method);
      await this.hooks.added(em, { accountId, paymentMethodId: id });
      return { method: toPaymentMethodDto(await em.findOneByOrFail(PaymentMethod, { id })), created: true };
    });
  }

  async list(accountId: string): Promise<PaymentMethodDto[]> {
    const rows = await this.ds.getRepository(PaymentMethod).find({ where: { accountId, status: 'ACTIVE' }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toPaymentMethodDto);
  }

  async setDefault(accountId: string, id: string): Promise<PaymentMethodDto> {
    return this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      const method = await this.findOwnedActive(em, accountId, id);
      if (!method.isDefault) {
        await em.update(PaymentMethod, { accountId, isDefault: true }, { isDefault: false });
        await em.update(PaymentMethod, { id }, { isDefault: true });
      }
      return toPaymentMethodDto(await em.findOneByOrFail(PaymentMethod, { id }));
    });
  }

  /**
   * Removes a card: hidden at once, its billing key deleted at Toss right after the commit (and by
   * a retrying job if Toss does not answer). Features using the card may refuse (ApiException).
   */
  async remove(accountId: string, id: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      const method = await this.findOwnedActive(em, accountId, id);
      const others = await em.find(PaymentMethod, { where: { accountId, status: 'ACTIVE' }, order: { createdAt: 'DESC', id: 'DESC' } });
      const rest = others.filter((m) => m.id !== id);
      const replacement = method.isDefault ? (rest[0] ?? null) : (rest.find((m) => m.isDefault) ?? null);
      await this.hooks.removing(em, { accountId, paymentMethodId: id, replacementId: replacement?.id ?? null });
      await em.update(PaymentMethod, { id }, { status: 'DELETING', isDefault: false });
      if (method.isDefault && replacement) await em.update(PaymentMethod, { id: replacement.id }, { isDefault: true });
    });
    await this.deletion.finish(id);
  }

  /**
   * Toss says a billing key is gone (BILLING_DELETED): ours after a removal, or the card company's
   * doing. The card stops being usable; charges on it would now fail as a hard decline anyway.
   */
  async applyDeletedAtToss(billingKey: string): Promise<'CARD_DELETED' | 'ALREADY_DELETED' | 'UNKNOWN_CARD'> {
    const method = await this.ds.getRepository(PaymentMethod).findOneBy({ billingKeyDigest: BillingKeyVault.digest(billingKey) });
    if (!method) return 'UNKNOWN_CARD';
    if (method.status === 'DELETED') return 'ALREADY_DELETED';
    await this.ds.transaction(async (em) => {
      // The card may belong to an account being deleted: its removal must still go through.
      await lockAccount(em, method.accountId, { activeOnly: false });
      const current = await em.findOneByOrFail(PaymentMethod, { id: method.id });
      await em.update(PaymentMethod, { id: method.id }, { status: 'DELETING', isDefault: false });
      if (current.isDefault) {
        const next = await em.findOne(PaymentMethod, { where: { accountId: method.accountId, status: 'ACTIVE' }, order: { createdAt: 'DESC', id: 'DESC' } });
        if (next && next.id !== method.id) await em.update(PaymentMethod, { id: next.id }, { isDefault: true });
      }
    });
    await this.deletion.markDeleted(method.id);
    return 'CARD_DELETED';
  }

  private async findOwnedActive(em: EntityManager, accountId: string, id: string): Promise<PaymentMethod> {
    const method = await em.findOneBy(PaymentMethod, { id, accountId, status: 'ACTIVE' });
    if (!method) throw notFound('payment method');
    return method;
  }

  private async assertRoomForAnother(em: EntityManager, accountId: string): Promise<void> {
    const count = await em.countBy(PaymentMethod, { accountId, status: 'ACTIVE' });
    if (count >= this.config.PAYMENT_METHODS_MAX_PER_ACCOUNT) {
      throw unprocessable('CARD_REGISTRATION_FAILED', `at most ${this.config.PAYMENT_METHODS_MAX_PER_ACCOUNT} cards per account; remove one first`);
    }
  }

  private async customerKeyOf(em: EntityManager, accountId: string): Promise<string> {
    const account = await em.findOne(Account, { where: { id: accountId, status: 'ACTIVE' }, select: { id: true, tossCustomerKey: true } });
    if (!account) throw notFound('account');
    return account.tossCustomerKey;
  }
}

/** The same authKey always yields the same Idempotency-Key, so Toss answers a retry with the same billing key. */
function registrationKey(input: RegisterPaymentMethodRequest): string {
  return `pm-register-${createHash('sha256').update(`${input.customerKey}\n${input.authKey}`).digest('hex').slice(0, 48)}`;
}
