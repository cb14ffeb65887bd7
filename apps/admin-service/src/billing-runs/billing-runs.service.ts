import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@roastery/clock';
import { type BillingRunCounts, type BillingRunDto, billingRunRequested, type billingRunProgressed, type Page, type PageQuery, type PayloadOf } from '@roastery/contracts';
import { notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { BillingRun } from './billing-run.entity';

const noCounts: BillingRunCounts = { claimed: 0, ordersPlaced: 0, charged: 0, declined: 0, skippedForStock: 0, pending: 0 };

/** Billing runs on demand: admins ask user-service's engine to run now and follow its progress. */
@Injectable()
export class BillingRunsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records a new run (REQUESTED) and sends `billing.run.requested` to user-service in the same
   * transaction. With an Idempotency-Key, a repeat by the same admin returns the run it started.
   */
  async request(adminId: string, idempotencyKey?: string): Promise<BillingRunDto> {
    try {
      return await this.ds.transaction(async (em) => {
        const existing = idempotencyKey && (await em.findOneBy(BillingRun, { requestedBy: adminId, idempotencyKey }));
        if (existing) return toDto(existing);
        const now = this.clock.now();
        const run: BillingRun = {
          id: uuidv7(),
          status: 'REQUESTED',
          requestedBy: adminId,
          requestedAt: now,
          idempotencyKey: idempotencyKey ?? null,
          sequence: null,
          businessDate: null,
          counts: noCounts,
          startedAt: null,
          finishedAt: null,
          error: null,
          createdAt: now,
          updatedAt: now,
        };
        await em.insert(BillingRun, run);
        await this.outbox.add(em, billingRunRequested, { aggregateId: run.id, aggregateVersion: 1, payload: { runId: run.id, requestedBy: adminId, requestedAt: now.toISOString() } });
        await this.audit.record(em, { actorId: adminId, action: 'billing.run.request', targetType: 'billing-run', targetId: run.id, details: { requestedAt: now.toISOString() } });
        return toDto(run);
      });
    } catch (e) {
      // Two requests with the same key raced past the lookup: the loser returns the winner's run.
      if (idempotencyKey && (e as { driverError?: { code?: string } }).driverError?.code === '23505') {
        const winner = await this.ds.getRepository(BillingRun).findOneBy({ requestedBy: adminId, idempotencyKey });
        if (winner) return toDto(winner);
      }
      throw e;
    }
  }

  /**
   * Applies user-service's report to the run when its sequence is above the one stored; older
   * reports arriving late are ignored. A run this service never requested (a scheduled run, or a
   * request whose row is gone) is recorded anyway. Returns whether the report was applied.
   */
  async progressed(em: EntityManager, p: PayloadOf<typeof billingRunProgressed>): Promise<boolean> {
    const applied: unknown[] = await em.query(
      `INSERT INTO billing_runs (id, status, sequence, business_date, counts, started_at, finished_at, error, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $9)
       ON CONFLICT (id) DO UPDATE SET
         status = EXCLUDED.status, sequence = EXCLUDED.sequence, business_date = EXCLUDED.business_date, counts = EXCLUDED.counts,
         started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, error = EXCLUDED.error, updated_at = EXCLUDED.updated_at
       WHERE billing_runs.sequence IS NULL OR billing_runs.sequence < EXCLUDED.sequence
       RETURNING id`,
      [p.runId, p.status, p.sequence, p.businessDate, JSON.stringify(p.counts), new Date(p.startedAt), p.finishedAt ? new Date(p.finishedAt) : null, p.error, this.clock.now()],
    );
    return applied.length > 0;
  }

  /** One run with its latest progress, or 404. */
  async get(id: string): Promise<BillingRunDto> {
    const run = await this.ds.getRepository(BillingRun).findOneBy({ id });
    if (!run) throw notFound('billing run');
    return toDto(run);
  }

  /** Runs, newest first. */
  async list(q: PageQuery): Promise<Page<BillingRunDto>> {
    const [rows, total] = await this.ds.getRepository(BillingRun).findAndCount({ order: { createdAt: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.size, take: q.size });
    return { items: rows.map(toDto), page: q.page, size: q.size, total };
  }
}

function toDto(r: BillingRun): BillingRunDto {
  return {
    id: r.id,
    status: r.status,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt?.toISOString() ?? null,
    businessDate: r.businessDate,
    counts: { ...noCounts, ...r.counts },
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    error: r.error,
    sequence: r.sequence,
    updatedAt: r.updatedAt.toISOString(),
  };
}
