import { Injectable } from '@nestjs/common';
import { ApiException, badRequest, conflict, forbidden } from '@roastery/http';
import type { EntityManager } from 'typeorm';
import { Partner, type PartnerStatus } from './partner.entity';
import { PartnerMember } from './partner-member.entity';
import { mayChangeProducts } from './partner.rules';

/** One partner the account belongs to, as the database says (token claims are only a hint). */
export interface Membership {
  partnerId: string;
  status: PartnerStatus;
}

/** Authorises partner routes by membership, read from business-service's own tables. */
@Injectable()
export class PartnerAccess {
  /** The partners the account is a member of, with their status. */
  async memberships(em: EntityManager, userId: string): Promise<Membership[]> {
    const rows: Array<{ partnerId: string; status: PartnerStatus }> = await em
      .createQueryBuilder(PartnerMember, 'm')
      .innerJoin(Partner, 'p', 'p.id = m.partner_id')
      .select(['m.partner_id AS "partnerId"', 'p.status AS "status"'])
      .where('m.user_id = :userId', { userId })
      .orderBy('m.joined_at', 'ASC')
      .getRawMany();
    return rows;
  }

  /** The memberships, or 403 for an account that belongs to no partner. */
  async requireMemberships(em: EntityManager, userId: string): Promise<Membership[]> {
    const memberships = await this.memberships(em, userId);
    if (memberships.length === 0) throw forbidden('this account is not a member of a partner');
    return memberships;
  }

  /**
   * The partner a new product is created for: the one named by the X-Partner-Id header, or the
   * account's only partner. Naming a partner the account does not belong to is 403.
   */
  actingPartner(memberships: Membership[], requested: string | undefined): Membership {
    if (requested !== undefined) {
      const m = memberships.find((x) => x.partnerId === requested);
      if (!m) throw forbidden('this account is not a member of that partner');
      return m;
    }
    if (memberships.length > 1) throw badRequest('this account belongs to several partners; name one', [{ path: 'x-partner-id', message: 'required when the account belongs to several partners' }]);
    return memberships[0];
  }

  /**
   * Locks the partner row for share until the transaction ends (so a suspension waits for a change
   * in flight, and no change starts after it) and refuses changes by a partner that is not active.
   */
  async lockForChange(em: EntityManager, partnerId: string): Promise<void> {
    const partner = await em.findOne(Partner, { where: { id: partnerId }, select: { id: true, status: true }, lock: { mode: 'pessimistic_read' } });
    if (!partner) throw new ApiException(404, 'NOT_FOUND', 'partner not found');
    if (!mayChangeProducts(partner.status)) throw conflict('INVALID_STATE', 'this partner is suspended: its products can be read but not created, edited, submitted or restocked');
  }
}
