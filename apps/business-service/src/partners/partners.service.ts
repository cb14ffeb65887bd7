import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Partner, type PartnerStatus } from './partner.entity';
import { nextPartnerStatus } from './partner.rules';

/** Partner status as admins set it (suspension and reinstatement arrive as events). */
@Injectable()
export class PartnersService {
  /**
   * Applies a suspension or reinstatement if it is newer than the last one applied. Products keep
   * their state: admin-service takes the partner's catalog items off sale, and business-service
   * refuses product changes while the partner is suspended.
   */
  async changeStatus(em: EntityManager, e: { partnerId: string; to: PartnerStatus; at: string; reason: string }): Promise<void> {
    const partner = await em.findOne(Partner, { where: { id: e.partnerId }, lock: { mode: 'pessimistic_write' } });
    // Only business-service creates partners, so an unknown id is a bug worth a dead letter.
    if (!partner) throw new Error(`partner ${e.partnerId} does not exist`);
    const at = new Date(e.at);
    const next = nextPartnerStatus(partner, { to: e.to, at });
    if (next === null) return;
    partner.status = next;
    partner.statusChangedAt = at;
    partner.statusReason = e.reason;
    await em.save(partner);
  }
}
