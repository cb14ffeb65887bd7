import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountDto, Role } from '@roastery/contracts';
import { notFound } from '@roastery/http';
import { DataSource, type EntityManager } from 'typeorm';
import { Account } from './account.entity';
import { PartnerMembership } from './partner-membership.entity';

/** Accounts and their roles and partner memberships. */
@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The signed-in account with its roles. */
  async me(userId: string): Promise<AccountDto> {
    const account = await this.ds.getRepository(Account).findOneBy({ id: userId, status: 'ACTIVE' });
    if (!account) throw notFound('account');
    return this.toDto(account, await this.partnerIdsOf(this.ds.manager, userId));
  }

  /**
   * Makes the account a member of an activated partner and grants it PARTNER. Runs inside the
   * consumer's inbox transaction; applying it twice changes nothing.
   */
  async grantPartnerMembership(em: EntityManager, input: { userId: string; partnerId: string; at: Date }): Promise<void> {
    const account = await em.findOne(Account, { where: { id: input.userId }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw new Error(`account ${input.userId} does not exist`);
    await em.createQueryBuilder().insert().into(PartnerMembership).values({ accountId: input.userId, partnerId: input.partnerId, grantedAt: input.at }).orIgnore().execute();
    if (!account.roles.includes('PARTNER')) {
      account.roles = [...account.roles, 'PARTNER'];
      await em.save(account);
    }
  }

  /** Gives an account the ADMIN role, creating the account when it does not exist (CLI and seed). */
  async ensureAdmin(em: EntityManager, input: { email: string; name: string; passwordHash: string; id: string }): Promise<{ created: boolean; id: string }> {
    const existing = await em.findOne(Account, { where: { email: input.email, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
    if (existing) {
      existing.passwordHash = input.passwordHash;
      if (!existing.roles.includes('ADMIN')) existing.roles = [...existing.roles, 'ADMIN'];
      await em.save(existing);
      return { created: false, id: existing.id };
    }
    const roles: Role[] = ['SUBSCRIBER', 'ADMIN'];
    await em.insert(Account, { id: input.id, email: input.email, name: input.name, phone: null, passwordHash: input.passwordHash, roles, status: 'ACTIVE' });
    return { created: true, id: input.id };
  }

  async partnerIdsOf(em: EntityManager, userId: string): Promise<string[]> {
    const rows = await em.find(PartnerMembership, { where: { accountId: userId }, order: { grantedAt: 'ASC' } });
    return rows.map((r) => r.partnerId);
  }

  toDto(a: Account, partnerIds: string[]): AccountDto {
    return { id: a.id, email: a.email, name: a.name, roles: a.roles, partnerIds, createdAt: a.createdAt?.toISOString() ?? new Date().toISOString() };
  }
}
