import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import { type BillingRunCounts, billingRunProgressed, billingRunRequested } from '@roastery/contracts';
import { MessageBus, Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { Scheduler } from '@roastery/scheduler';
import { DataSource, In, LessThan } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { BillingEngine } from './billing-engine';
import { BillingRun } from './billing-run.entity';
import { ChargeWorkerLoop } from './charge-worker.loop';

/** How long a run follows its charges before reporting COMPLETED with some still pending. */
const FOLLOW_MS = 10 * 60_000;
const POLL_MS = 250;

/**
 * Billing runs: on a schedule (on the elected instance) and on demand, when admin-service sends
 * `billing.run.requested`. An on-demand run places every due box, then follows its orders until
 * each is charged, declined or skipped, reporting `billing.run.progressed` as it goes.
 */
@Injectable()
export class BillingRuns implements OnModuleInit {
  static readonly JOB = 'billing.scheduled-run';
  static readonly RECOVERY_JOB = 'billing.resume-interrupted-runs';
  readonly #active = new Set<string>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly bus: MessageBus,
    private readonly outbox: Outbox,
    private readonly engine: BillingEngine,
    private readonly loop: ChargeWorkerLoop,
    private readonly scheduler: Scheduler,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(BillingRuns.JOB, this.config.BILLING_RUN_INTERVAL_MS, async () => {
      const placed = await this.engine.placeDueOrders(null);
      if (placed.ordersPlaced > 0) this.log.info({ ...placed }, 'scheduled billing run placed orders');
    });
    // A run whose instance died mid-way is taken up again (placing is idempotent: only due boxes are claimed).
    this.scheduler.every(BillingRuns.RECOVERY_JOB, 30_000, async () => {
      const stale = await this.ds.getRepository(BillingRun).findBy({ status: In(['REQUESTED', 'RUNNING']), requestedAt: LessThan(new Date(this.clock.now().getTime() - 60_000)) });
      for (const run of stale) if (!this.#active.has(run.runId)) void this.execute(run.runId);
    });
    this.bus.on(billingRunRequested, 'user.billing.start-run', async ({ payload, em }) => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(BillingRun)
        .values({ runId: payload.runId, status: 'REQUESTED', businessDate: seoulDate(this.clock.now()), sequence: -1, claimed: 0, ordersPlaced: 0, requestedAt: this.clock.now() })
        .orIgnore()
        .returning('run_id')
        .execute();
      // The run itself is long; it starts once this message's transaction has committed.
      if ((inserted.raw as unknown[]).length > 0) setTimeout(() => void this.execute(payload.runId), 50);
    });
  }

  /** Runs (or resumes) one requested run to the end. */
  async execute(runId: string): Promise<void> {
    if (this.#active.has(runId)) return;
    this.#active.add(runId);
    try {
      const now = this.clock.now();
      await this.ds.getRepository(BillingRun).update({ runId }, { status: 'RUNNING', startedAt: now, businessDate: seoulDate(now) });
      await this.report(runId, 'RUNNING', null);
      await this.engine.placeDueOrders(runId, async (total) => {
        await this.ds.getRepository(BillingRun).update({ runId }, { claimed: total.claimed, ordersPlaced: total.ordersPlaced });
        await this.report(runId, 'RUNNING', null);
      });
      this.loop.kickSoon();
      const deadline = Date.now() + FOLLOW_MS;
      let last = '';
      for (;;) {
        const counts = await this.counts(runId);
        const snapshot = JSON.stringify(counts);
        if (counts.pending === 0 || Date.now() > deadline) break;
        if (snapshot !== last) await this.report(runId, 'RUNNING', null);
        last = snapshot;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      await this.ds.getRepository(BillingRun).update({ runId }, { status: 'COMPLETED', finishedAt: this.clock.now() });
      await this.report(runId, 'COMPLETED', null);
    } catch (error) {
      this.log.error({ runId, err: error }, 'billing run failed');
      await this.ds.getRepository(BillingRun).update({ runId }, { status: 'FAILED', finishedAt: this.clock.now(), error: error instanceof Error ? error.message : String(error) });
      await this.report(runId, 'FAILED', error instanceof Error ? error.message : String(error)).catch(() => undefined);
    } finally {
      this.#active.delete(runId);
    }
  }

  /** What the run's orders have come to; declined counts boxes in dunning as well as given up. */
  async counts(runId: string): Promise<BillingRunCounts> {
    const run = await this.ds.getRepository(BillingRun).findOneByOrFail({ runId });
    const rows: { status: string; n: number }[] = await this.ds.query(`SELECT status, count(*)::int AS n FROM orders WHERE run_id = $1 GROUP BY status`, [runId]);
    const n = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.n, 0);
    return {
      claimed: run.claimed,
      ordersPlaced: run.ordersPlaced,
      charged: n('PAID'),
      declined: n('RETRY_SCHEDULED', 'AWAITING_CARD', 'PAYMENT_FAILED'),
      skippedForStock: n('STOCK_REFUSED'),
      pending: n('PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING'),
    };
  }

  private async report(runId: string, status: 'RUNNING' | 'COMPLETED' | 'FAILED', error: string | null): Promise<void> {
    const counts = await this.counts(runId);
    await this.ds.transaction(async (em) => {
      // UPDATE … RETURNING comes back from the pg driver as [rows, affected].
      const [rows] = (await em.query(`UPDATE billing_runs SET sequence = sequence + 1 WHERE run_id = $1 RETURNING sequence`, [runId])) as [{ sequence: number }[], number];
      const sequence = rows[0].sequence;
      const run = await em.findOneByOrFail(BillingRun, { runId });
      await this.outbox.add(em, billingRunProgressed, {
        aggregateId: runId,
        aggregateVersion: sequence + 1,
        payload: {
          runId,
          status,
          sequence,
          businessDate: run.businessDate,
          counts,
          startedAt: (run.startedAt ?? run.requestedAt).toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          error,
        },
      });
    });
  }
}
