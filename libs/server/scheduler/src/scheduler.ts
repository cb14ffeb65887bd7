import { LeaderElection } from './leader-election';
import { consoleSchedulerLogger, type SchedulerLogger } from './scheduler-logger';

/** A recurring job; the signal aborts when the scheduler stops, so a long job can end early. */
export type JobFn = (signal: AbortSignal) => Promise<void> | void;

/** Settings of a Scheduler. */
export interface SchedulerOptions {
  /** Connection string of the service's own database. */
  connectionString: string;
  /** The service name: instances of one service elect one leader among themselves. */
  service: string;
  /** Election retry / leader heartbeat period. Default 3000 ms. */
  electionIntervalMs?: number;
  logger?: SchedulerLogger;
}

interface Job {
  name: string;
  intervalMs: number;
  fn: JobFn;
  timer: NodeJS.Timeout | null;
  // Settles (never rejects) when the run in flight ends; null when the job is idle.
  inFlight: Promise<void> | null;
}

/**
 * Runs recurring jobs on exactly one instance of a service, the one elected through a PostgreSQL
 * advisory lock. A job never overlaps itself on an instance; a failing run is logged and the next
 * tick runs as usual. Jobs should still be idempotent (claim rows with SKIP LOCKED): a leader cut
 * off from PostgreSQL may finish a run after a successor has started.
 */
export class Scheduler {
  /** The election deciding whether this instance runs the jobs. */
  readonly election: LeaderElection;
  private readonly logger: SchedulerLogger;
  private readonly jobs = new Map<string, Job>();
  private started = false;
  private abort = new AbortController();

  constructor(options: SchedulerOptions) {
    this.logger = options.logger ?? consoleSchedulerLogger;
    this.election = new LeaderElection({
      connectionString: options.connectionString,
      name: `scheduler:${options.service}`,
      retryMs: options.electionIntervalMs,
      logger: this.logger,
    });
  }

  /** Registers a job that runs every intervalMs on the leader (before or after start()). */
  every(name: string, intervalMs: number, fn: JobFn): this {
    if (this.jobs.has(name)) throw new Error(`Scheduler: a job named "${name}" is already registered`);
    if (!Number.isInteger(intervalMs) || intervalMs <= 0) {
      throw new Error(`Scheduler: interval of "${name}" must be a positive whole number of ms`);
    }
    const job: Job = { name, intervalMs, fn, timer: null, inFlight: null };
    this.jobs.set(name, job);
    if (this.started) this.arm(job);
    return this;
  }

  /** Whether this instance is the leader and so runs the jobs. */
  isLeader(): boolean {
    return this.election.isLeader();
  }

  /** Names of the registered jobs. */
  jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  /**
   * Runs a job here and now, leader or not (an admin or a test asked for it), and rejects with its
   * error. A run already in flight on this instance is awaited first, never overlapped.
   */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`Scheduler: no job named "${name}"`);
    while (job.inFlight) await job.inFlight;
    await this.run(job);
  }

  /** Starts the job timers and joins the election. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.abort = new AbortController();
    for (const job of this.jobs.values()) this.arm(job);
    await this.election.start();
  }

  /**
   * Stops the timers, signals running jobs to end and waits for them, then leaves the election, so no
   * other instance starts a job while this one still runs it.
   */
  async stop(): Promise<void> {
    this.started = false;
    for (const job of this.jobs.values()) {
      if (job.timer) clearInterval(job.timer);
      job.timer = null;
    }
    this.abort.abort();
    await Promise.all([...this.jobs.values()].map((job) => job.inFlight));
    await this.election.stop();
  }

  private arm(job: Job): void {
    job.timer = setInterval(() => this.tick(job), job.intervalMs);
    job.timer.unref();
  }

  private tick(job: Job): void {
    if (!this.started || !this.election.isLeader() || job.inFlight) return;
    this.run(job).catch((error: unknown) => {
      this.logger.error({ job: job.name, err: error }, 'scheduled job failed; it runs again on the next tick');
    });
  }

  private run(job: Job): Promise<void> {
    const signal = this.abort.signal;
    const run = (async () => job.fn(signal))();
    const inFlight = run.then(
      () => undefined,
      () => undefined,
    );
    job.inFlight = inFlight;
    void inFlight.then(() => {
      if (job.inFlight === inFlight) job.inFlight = null;
    });
    return run;
  }
}
