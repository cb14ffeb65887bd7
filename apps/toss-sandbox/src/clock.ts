/**
 * The sandbox's source of business time (approval and cancel times, settlement days, webhook and
 * idempotency expiry): @roastery/clock's interface, so the shared platform clock plugs in.
 */
export type { Clock } from '@roastery/clock';
import type { Clock } from '@roastery/clock';

/** Wall-clock time. */
export const systemClock: Clock = { now: () => new Date() };

/** Nest injection token of the Clock. */
export const CLOCK = Symbol('CLOCK');
