import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BaseConfig } from '@roastery/config';
import { LOGGER, type Logger } from '@roastery/observability';
import { Scheduler } from '@roastery/scheduler';
import type { DataSource } from 'typeorm';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Rows deleted per statement, so pruning never holds long locks on a busy table. */
const BATCH = 5_000;

/**
 * Keeps the outbox and inbox from growing forever: a leader-only job deletes published outbox
 * rows and inbox rows past their retention. The inbox retention bounds how old a message may be
 * and still be recognised as a duplicate, so it is kept far above any redelivery or replay delay.
 */
@Injectable()
export class MessagingHousekeeping implements OnModuleInit {
  static readonly JOB = 'messaging.prune';

  constructor(
    private readonly scheduler: Scheduler,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: BaseConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(MessagingHousekeeping.JOB, 60 * 60_000, () => this.prune().then(() => undefined));
  }

  /** Deletes what is past retention; returns how many rows of each table went. */
  async prune(): Promise<{ outbox: number; inbox: number }> {
    const outbox = await this.deleteInBatches(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < now() - make_interval(days => $1) LIMIT ${BATCH})`,
      this.config.OUTBOX_RETENTION_DAYS,
    );
    const inbox = await this.deleteInBatches(
      `DELETE FROM inbox WHERE (handler, message_id) IN (SELECT handler, message_id FROM inbox WHERE processed_at < now() - make_interval(days => $1) LIMIT ${BATCH})`,
      this.config.INBOX_RETENTION_DAYS,
    );
    if (outbox || inbox) this.logger.info({ outbox, inbox }, 'pruned messaging tables');
    return { outbox, inbox };
  }

  private async deleteInBatches(sql: string, days: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [, affected] = (await this.ds.query(sql, [days])) as [unknown, number];
      total += affected;
      if (affected < BATCH) return total;
    }
  }
}
