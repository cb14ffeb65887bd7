import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { LOGGER, type Logger } from '@roastery/observability';
import { DataSource } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { Order } from '../orders/order.entity';
import { AttemptResolver } from './attempt-resolver';
import { ChargeOutcomes } from './charge-outcomes';
import { ChargeWorker } from './charge-worker';

const IDLE_POLL_MS = 500;

/**
 * Keeps charging on every instance (not only the elected one: charges are claimed with SKIP
 * LOCKED, so instances share the work): sends ready charges, resolves unknown outcomes, and
 * closes boxes whose wait for a new card has run out. A stock reply kicks it at once.
 */
@Injectable()
export class ChargeWorkerLoop implements OnApplicationBootstrap, OnModuleDestroy {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly worker: ChargeWorker,
    private readonly resolver: AttemptResolver,
    private readonly outcomes: ChargeOutcomes,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.MESSAGING_ENABLED) this.schedule(IDLE_POLL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  /** Runs a pass soon (after the current one, if one is running). */
  kickSoon(): void {
    if (this.#stopped || !this.config.MESSAGING_ENABLED) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.schedule(0);
  }

  /** One pass of everything; tests call it to step the machinery deterministically. */
  async runOnce(): Promise<void> {
    await this.worker.drain();
    await this.resolver.resolveExpired();
    await this.closeExpiredCardWaits();
  }

  /** Boxes that waited for a new card until their last retry date: skipped. */
  async closeExpiredCardWaits(): Promise<void> {
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const expired = await em
        .createQueryBuilder(Order, 'o')
        .where(`o.status = 'AWAITING_CARD' AND o.next_attempt_at <= :now`, { now })
        .limit(200)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const order of expired) {
        await this.outcomes.giveUp(em, order, now, { code: order.lastFailureCode ?? 'CARD_NOT_REPLACED', category: 'hard_decline', message: 'no new card before the last retry date' });
      }
    });
  }

  private schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#running = this.runOnce()
        .catch((error: unknown) => this.log.error({ err: error }, 'billing worker pass failed'))
        .finally(() => {
          this.#running = null;
          const again = this.#again;
          this.#again = false;
          this.schedule(again ? 0 : IDLE_POLL_MS);
        });
    }, delayMs);
  }
}
