import type { Clock } from './clock';

/** A clock for unit tests that stands still until the test sets or advances it. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2025-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  /** The instant the test last set. */
  now(): Date {
    return new Date(this.current);
  }

  /** Jumps to the given instant (backwards too: a unit test may need that). */
  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }

  /** Moves forward by the given number of milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
}
