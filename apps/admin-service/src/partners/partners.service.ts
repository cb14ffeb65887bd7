import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clock } from '@roastery/clock';
import { CLOCK } from '@roastery/clock';
import { type Page, type partnerActivated, partnerReinstated, partnerSuspended, type PayloadOf } from '@roastery/contracts';
import { conflict, notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { CatalogService } from '../catalog/catalog.service';
import type { PartnerDto, PartnerListQuery } from './partner.dto';
import { Partner } from './partner.entity';

/** Partners as admins see them: the read model, suspension, reinstatement and the trusted switch. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLogService,
    private readonly catalog: CatalogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records an activated partner (ACTIVE, not trusted). If one of its products arrived first, the
   * placeholder row learns its name and its on-sale items are announced again with it.
   */
  async activated(em: EntityManager, e: PayloadOf<typeof partnerActivated>): Promise<void> {
    const activatedAt = new Date(e.activatedAt);
    const inserted: unknown[] = await em.query(
      `INSERT INTO partners (id, name, status, trusted, activated_at, updated_at) VALUES ($1, $2, 'ACTIVE', false, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [e.partnerId, e.businessName, activatedAt, this.clock.now()],
    );
    if (inserted.length > 0) return;
    const partner = await this.lock(em, e.partnerId);
    if (!partner || partner.activatedAt) return;
    partner.name = e.businessName;
    partner.activatedAt = activatedAt;
    partner.updatedAt = this.clock.now();
    await em.save(partner);
    await this.catalog.reannouncePartnerItems(em, partner);
  }

  /** Makes sure a partner row exists for a product that may arrive before `partner.activated`. */
  async ensureKnown(em: EntityManager, partnerId: string): Promise<void> {
    await em.query(`INSERT INTO partners (id, name, status, trusted, updated_at) VALUES ($1, '', 'ACTIVE', false, $2) ON CONFLICT (id) DO NOTHING`, [partnerId, this.clock.now()]);
  }

  /**
   * The partner, share-locked: decisions that put items on sale hold it, so a concurrent
   * suspension waits for them and then sees their items.
   */
  async lockForDecision(em: EntityManager, partnerId: string): Promise<Partner> {
    const partner = await em.findOne(Partner, { where: { id: partnerId }, lock: { mode: 'pessimistic_read' } });
    if (!partner) throw new Error(`partner ${partnerId} is not known`);
    return partner;
  }

  /** Partners by name, filtered by status and the trusted switch. */
  async list(q: PartnerListQuery): Promise<Page<PartnerDto>> {
    const [rows, total] = await this.ds.getRepository(Partner).findAndCount({
      where: { ...(q.status && { status: q.status }), ...(q.trusted !== undefined && { trusted: q.trusted }) },
      order: { name: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    return { items: rows.map(toDto), page: q.page, size: q.size, total };
  }

  /** Suspends an active partner and takes every on-sale item of it off sale. */
  suspend(adminId: string, id: string, reason: string): Promise<PartnerDto> {
    return this.ds.transaction(async (em) => {
      const partner = await this.lockOrThrow(em, id);
      if (partner.status !== 'ACTIVE') throw conflict('INVALID_STATE', 'the partner is already suspended');
      const saved = await this.setStatus(em, partner, 'SUSPENDED', reason);
      await this.outbox.add(em, partnerSuspended, { aggregateId: id, aggregateVersion: saved.version, payload: { partnerId: id, reason, adminId, suspendedAt: saved.updatedAt.toISOString() } });
      const itemsWithdrawn = await this.catalog.withdrawPartnerItems(em, saved);
      await this.audit.record(em, { actorId: adminId, action: 'partner.suspend', targetType: 'partner', targetId: id, details: { reason, itemsWithdrawn } });
      return toDto(saved);
    });
  }

  /** Reinstates a suspended partner and puts its approved items back on sale. */
  reinstate(adminId: string, id: string, reason: string): Promise<PartnerDto> {
    return this.ds.transaction(async (em) => {
      const partner = await this.lockOrThrow(em, id);
      if (partner.status !== 'SUSPENDED') throw conflict('INVALID_STATE', 'the partner is not suspended');
      const saved = await this.setStatus(em, partner, 'ACTIVE', reason);
      await this.outbox.add(em, partnerReinstated, { aggregateId: id, aggregateVersion: saved.version, payload: { partnerId: id, reason, adminId, reinstatedAt: saved.updatedAt.toISOString() } });
      const itemsRepublished = await this.catalog.republishPartnerItems(em, saved);
      await this.audit.record(em, { actorId: adminId, action: 'partner.reinstate', targetType: 'partner', targetId: id, details: { reason, itemsRepublished } });
      return toDto(saved);
    });
  }

  /** Sets the trusted switch: a trusted partner's small edits are approved without review. */
  trust(adminId: string, id: string, trusted: boolean): Promise<PartnerDto> {
    return this.ds.transaction(async (em) => {
      const partner = await this.lockOrThrow(em, id);
      const was = partner.trusted;
      partner.trusted = trusted;
      partner.updatedAt = this.clock.now();
      const saved = await em.save(partner);
      await this.audit.record(em, { actorId: adminId, action: 'partner.trust', targetType: 'partner', targetId: id, details: { trusted, was } });
      return toDto(saved);
    });
  }

  private lock(em: EntityManager, id: string): Promise<Partner | null> {
    return em.findOne(Partner, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async lockOrThrow(em: EntityManager, id: string): Promise<Partner> {
    const partner = await this.lock(em, id);
    if (!partner) throw notFound('partner');
    return partner;
  }

  private setStatus(em: EntityManager, partner: Partner, status: Partner['status'], reason: string): Promise<Partner> {
    partner.status = status;
    partner.statusReason = reason;
    partner.updatedAt = this.clock.now();
    return em.save(partner);
  }
}

function toDto(p: Partner): PartnerDto {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    trusted: p.trusted,
    suspendedReason: p.status === 'SUSPENDED' ? p.statusReason : null,
    activatedAt: p.activatedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}
