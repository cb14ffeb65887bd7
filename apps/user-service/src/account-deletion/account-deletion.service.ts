import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { userDeleted } from '@roastery/contracts';
import { ApiException, notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { DataSource, IsNull, Not } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AddressesService } from '../addresses/addresses.service';
import { PasswordHasher } from '../auth/password-hasher';
import { RefreshToken } from '../auth/refresh-token.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { BillingKeyDeletion } from '../payment-methods/billing-key-deletion';
import { PaymentMethod } from '../payment-methods/payment-method.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { SubscriptionEditsService } from '../subscriptions/subscription-edits.service';

/** What an anonymised order keeps of its address: the region for tax and statistics, nothing that names a person. */
const ERASED = '(삭제됨)';

/**
 * Deletes an account at its owner's request: subscriptions cancelled (boxes not yet charged are
 * stopped), cards removed and their billing keys deleted at Toss, addresses and notices erased,
 * the account's name, e-mail, phone and sessions wiped, and the orders' address copies
 * anonymised. Orders, payments and the ledger stay, pointing at the anonymous id: transaction
 * records are kept for the legally required five years.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly passwords: PasswordHasher,
    private readonly subscriptions: SubscriptionEditsService,
    private readonly addresses: AddressesService,
    private readonly notices: NotificationsService,
    private readonly billingKeys: BillingKeyDeletion,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async delete(accountId: string, password: string): Promise<void> {
    const account = await this.ds.getRepository(Account).findOneBy({ id: accountId, status: 'ACTIVE' });
    if (!account) throw notFound('account');
    if (!(await this.passwords.verify(account.passwordHash, password))) throw new ApiException(403, 'FORBIDDEN', 'the password is not right');

    // Each cancellation is its own transaction with the engine's row lock; a box being charged at
    // this very moment refuses (409) and the whole deletion can simply be asked again.
    const live = await this.ds.getRepository(Subscription).findBy({ accountId, status: Not('CANCELLED') });
    for (const s of live) await this.subscriptions.cancel(accountId, s.id, 'ACCOUNT_DELETED');

    const cards = await this.ds.transaction(async (em) => {
      const locked = await em.findOne(Account, { where: { id: accountId, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('account');
      if (await em.existsBy(Subscription, { accountId, status: Not('CANCELLED') })) {
        throw new ApiException(409, 'INVALID_STATE', 'a subscription changed while deleting; try again');
      }
      const now = this.clock.now();
      const removed = await em.find(PaymentMethod, { where: { accountId, status: 'ACTIVE' }, select: { id: true } });
      await em.update(PaymentMethod, { accountId, status: 'ACTIVE' }, { status: 'DELETING', isDefault: false });
      await this.addresses.eraseAllOf(em, accountId);
      await this.notices.eraseAllOf(em, accountId);
      await em.update(RefreshToken, { accountId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: 'ACCOUNT_DELETED' });
      await em.update(
        Account,
        { id: accountId },
        { status: 'DELETED', email: `deleted-${accountId}@deleted.invalid`, name: ERASED, phone: null, passwordHash: '!deleted', roles: ['SUBSCRIBER'] },
      );
      await em.query(
        `UPDATE orders SET ship_to = jsonb_build_object('recipient', $2::text, 'phone', $2::text, 'postalCode', ship_to->>'postalCode', 'line1', $2::text, 'line2', '')
          WHERE account_id = $1`,
        [accountId, ERASED],
      );
      await em.update(Subscription, { accountId }, { shipTo: { recipient: ERASED, phone: ERASED, postalCode: '', line1: ERASED, line2: '' } });
      await this.outbox.add(em, userDeleted, { aggregateId: accountId, aggregateVersion: locked.version + 1, payload: { userId: accountId, deletedAt: now.toISOString() } });
      return removed.map((c) => c.id);
    });
    // After the commit, as any card removal: a Toss outage leaves them to the retrying job.
    for (const id of cards) await this.billingKeys.finish(id);
  }
}
