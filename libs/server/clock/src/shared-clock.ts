import type { Redis } from 'ioredis';
import type { ManagedClock } from './clock';
import { ClockMovedBackwardsError } from './clock-errors';
import { ADVANCE_SCRIPT, RAISE_SCRIPT } from './clock-scripts';
import { parseClockState, type ClockStore } from './clock-store';

/** Settings of a SharedClock. */
export interface SharedClockOptions {
  /** Namespace of the Redis key and channel, e.g. `roastery:` gives `roastery:clock`. */
  prefix: string;
  /** Fallback re-read interval for when a pub/sub message is missed. Default 2000 ms. */
  pollMs?: number;
  /** Durable home of the offset (admin-service's database); without it Redis alone holds it. */
  store?: ClockStore;
  /** Called with background failures (poll, subscriber); the clock keeps its last offset meanwhile. */
  onError?: (error: unknown) => void;
}

type ScriptReply = [number, string];

/**
 * The sandbox clock that every service and the Toss sandbox follow: wall time plus an offset kept in
 * Redis, which only ever grows. `now()` is synchronous and reads a cached offset that pub/sub keeps
 * current, with a slow poll as a fallback.
 */
export class SharedClock implements ManagedClock {
  /** Redis key holding `{ offsetMs, setAt }`. */
  readonly key: string;
  /** Channel announcing every change of the offset. */
  readonly channel: string;
  private offset = 0;
  // Highest instant handed out: now() never goes back even if the wall clock is stepped back.
  private lastNowMs = Number.NEGATIVE_INFINITY;
  private subscriber: Redis | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private readonly store: ClockStore | undefined;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly redis: Redis,
    options: SharedClockOptions,
  ) {
    this.key = `${options.prefix}clock`;
    // ioredis prefixes keys with its keyPrefix but not pub/sub channels: without the prefix here,
    // every system on one Redis (each test run, each developer's stack) would hear the others' clock.
    this.channel = `${redis.options?.keyPrefix ?? ''}${options.prefix}clock:changed`;
    this.pollMs = options.pollMs ?? 2_000;
    this.store = options.store;
    this.onError =
      options.onError ?? ((error) => console.warn(`[SharedClock] keeping the last offset: ${String(error)}`));
  }

  /** Wall time plus the cached offset; never earlier than a value it returned before. */
  now(): Date {
    const ms = Math.max(Date.now() + this.offset, this.lastNowMs);
    this.lastNowMs = ms;
    return new Date(ms);
  }

  /** The cached offset from wall time, in milliseconds. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Subscribes to changes, loads (or re-seeds) the offset and starts the fallback poll. */
  async start(): Promise<void> {
    if (this.subscriber) return;
    // A subscribed connection can run no other command, hence a dedicated one.
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (error) => this.onError(error));
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const state = parseClockState(message);
      if (state) this.apply(state.offsetMs);
      else this.onError(new Error(`ignored malformed clock message: ${message.slice(0, 100)}`));
    });
    this.subscriber = subscriber;
    try {
      await subscriber.subscribe(this.channel);
      // Read after subscribing so a change made in between is not missed.
      await this.refresh();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.pollTimer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.onError(error));
    }, this.pollMs);
    this.pollTimer.unref();
  }

  /** Stops the poll and closes the subscriber connection (the caller's Redis client stays open). */
  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) {
      await subscriber.quit().catch(() => subscriber.disconnect());
    }
  }

  /**
   * Re-reads the offset from Redis. When Redis lost the key it is re-seeded from the store, and when
   * Redis is behind what this process already saw, it is raised back: the greatest known offset wins.
   */
  async refresh(): Promise<Date> {
    const raw = await this.redis.get(this.key);
    const state = raw === null ? null : parseClockState(raw);
    if (state === null) {
      const restored = this.store ? await this.store.restore() : null;
      await this.raise(Math.max(this.offset, restored ?? this.offset));
    } else if (state.offsetMs < this.offset) {
      await this.raise(this.offset);
    } else {
      this.apply(state.offsetMs);
    }
    return this.now();
  }

  /**
   * Moves every service's clock to `target` and returns the new now; throws ClockMovedBackwardsError
   * (with the current time) when `target` is in the past.
   */
  async advanceTo(target: Date): Promise<Date> {
    // Re-seeds a missing key from the store first, so a fresh process cannot undercut the truth.
    await this.refresh();
    const wall = Date.now();
    const floor = Math.max(this.offset, this.lastNowMs - wall);
    const [moved, value] = (await this.redis.eval(
      ADVANCE_SCRIPT,
      1,
      this.key,
      String(target.getTime()),
      String(wall),
      String(floor),
      new Date(wall).toISOString(),
    )) as ScriptReply;
    if (moved !== 1) throw new ClockMovedBackwardsError(new Date(Number(value)), target);
    const offset = Number(value);
    this.apply(offset);
    try {
      await this.store?.persist(offset);
    } finally {
      // Redis has already moved and cannot move back, so the others must hear of it either way.
      await this.publish(offset, wall);
    }
    return this.now();
  }

  private async raise(offset: number): Promise<void> {
    const wall = Date.now();
    const [wrote, value] = (await this.redis.eval(
      RAISE_SCRIPT,
      1,
      this.key,
      String(offset),
      new Date(wall).toISOString(),
    )) as ScriptReply;
    this.apply(Number(value));
    if (wrote === 1) await this.publish(offset, wall);
  }

  private async publish(offsetMs: number, wall: number): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify({ offsetMs, setAt: new Date(wall).toISOString() }));
  }

  // Only ever raises the cached offset: a stale message or a rolled-back Redis cannot move us back.
  private apply(offsetMs: number): void {
    if (offsetMs > this.offset) this.offset = offsetMs;
  }
}
