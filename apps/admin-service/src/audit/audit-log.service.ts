import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@roastery/contracts';
import { currentCorrelationId } from '@roastery/observability';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/** A view of one audit entry. */
export interface AuditEntryDto {
  id: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  correlationId: string;
  at: string;
}

/** Records admin decisions in the same transaction as the decision itself. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(em: EntityManager, entry: { actorId: string; action: string; targetType: string; targetId: string; details?: Record<string, unknown> }): Promise<void> {
    const row: AuditEntry = { id: uuidv7(), details: {}, ...entry, correlationId: currentCorrelationId(), at: new Date() };
    await em.getRepository(AuditEntry).insert(row as never);
  }

  async list(page: number, size: number, filter: { targetId?: string; actorId?: string }): Promise<Page<AuditEntryDto>> {
    const [rows, total] = await this.ds.getRepository(AuditEntry).findAndCount({
      where: { ...(filter.targetId && { targetId: filter.targetId }), ...(filter.actorId && { actorId: filter.actorId }) },
      order: { at: 'DESC', id: 'DESC' },
      skip: (page - 1) * size,
      take: size,
    });
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), page, size, total };
  }
}
