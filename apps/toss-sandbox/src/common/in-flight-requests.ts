import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Keeps shutdown orderly: the database closes only after every /v1 request has finished, even
 * one whose client already hung up (a timed-out charge keeps running, as it would at Toss), and
 * injected latency is cut short so that closing never waits for it.
 */
@Injectable()
export class InFlightRequests implements BeforeApplicationShutdown {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly shutdown = new AbortController();

  /** Registers a request's completion. */
  track(done: Promise<unknown>): void {
    const settled = done.catch(() => undefined);
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }

  /** Waits `ms`, or until shutdown starts. */
  async delay(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.shutdown.signal }).catch(() => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.all([...this.pending]);
  }
}
