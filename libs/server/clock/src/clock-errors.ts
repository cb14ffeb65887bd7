/** Thrown when someone asks the shared clock to go back in time; it carries the clock's current time. */
export class ClockMovedBackwardsError extends Error {
  constructor(
    public readonly current: Date,
    public readonly requested: Date,
  ) {
    super(
      `The shared clock only moves forward: it is ${current.toISOString()}, cannot set it to ${requested.toISOString()}`,
    );
    this.name = 'ClockMovedBackwardsError';
  }
}
