/**
 * The sandbox's source of business time (approval and cancel times, settlement days, webhook and
 * idempotency expiry). A local interface until the shared clock (@roastery/clock) is wired in.
 */
export interface Clock {
  now(): Date;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => new Date() };

/** Nest injection token of the Clock. */
export const CLOCK = Symbol('CLOCK');
