/** The one source of "now": services ask a Clock instead of calling `new Date()`, so sandbox time can move. */
export interface Clock {
  /** The current instant as this service should see it. */
  now(): Date;
}

/** A clock that may hold connections or timers and so must be started and stopped with its owner. */
export interface ManagedClock extends Clock {
  /** Loads the initial state and begins following changes. */
  start(): Promise<void>;
  /** Stops following changes and releases what start() acquired. */
  stop(): Promise<void>;
}

/** Wall time, for production. */
export class SystemClock implements ManagedClock {
  /** The machine's current time. */
  now(): Date {
    return new Date();
  }

  /** Nothing to start; present so every clock has the same lifecycle. */
  async start(): Promise<void> {
    // A system clock holds no resources.
  }

  /** Nothing to stop. */
  async stop(): Promise<void> {
    // A system clock holds no resources.
  }
}
