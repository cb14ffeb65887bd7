import type { Clock } from '../../src/clock';

/** A clock tests move by hand (starts at the given instant, or now). */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.current += ms;
  }

  /** Jumps to an instant. */
  set(instant: Date): void {
    this.current = instant.getTime();
  }
}
