import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Scheduler } from '@roastery/scheduler';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';

/** A leader-only job that deletes Idempotency-Keys past their retention (24 h by default). */
@Injectable()
export class IdempotencyHousekeeping implements OnModuleInit {
  static readonly JOB = 'idempotency.prune';

  constructor(
    private readonly scheduler: Scheduler,
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(IdempotencyHousekeeping.JOB, 15 * 60_000, () => this.prune().then(() => undefined));
  }

  /** Deletes expired keys; returns how many went. */
  async prune(): Promise<number> {
    const keys = await this.store.prune();
    if (keys) this.options.logger.info({ keys }, 'pruned idempotency keys');
    return keys;
  }
}
