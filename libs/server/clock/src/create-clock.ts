import type { Redis } from 'ioredis';
import { SystemClock } from './clock';
import { SharedClock, type SharedClockOptions } from './shared-clock';

/** 'shared': follow the sandbox clock in Redis; 'system': wall time (production). */
export type ClockMode = 'shared' | 'system';

/** Builds the clock a service runs on from its CLOCK_MODE; call start() before use (ClockModule does). */
export function createClock(mode: 'system', redis?: Redis | null, options?: Partial<SharedClockOptions>): SystemClock;
export function createClock(mode: 'shared', redis: Redis, options: SharedClockOptions): SharedClock;
export function createClock(
  mode: ClockMode,
  redis: Redis | null | undefined,
  options: SharedClockOptions,
): SystemClock | SharedClock;
export function createClock(
  mode: ClockMode,
  redis?: Redis | null,
  options?: Partial<SharedClockOptions>,
): SystemClock | SharedClock {
  if (mode === 'system') return new SystemClock();
  if (!redis) throw new Error('createClock: the shared clock needs a Redis client');
  if (options?.prefix === undefined) throw new Error('createClock: the shared clock needs a key prefix');
  return new SharedClock(redis, { ...options, prefix: options.prefix });
}
