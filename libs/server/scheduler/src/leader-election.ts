import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { advisoryKey } from './advisory-key';
import { consoleSchedulerLogger, type SchedulerLogger } from './scheduler-logger';

/** Settings of a LeaderElection. */
export interface LeaderElectionOptions {
  /** Connection string of the service's own database (advisory locks are per database). */
  connectionString: string;
  /** What is being led; instances using the same name compete for one lock. */
  name: string;
  /** How often a follower retries and a leader checks its connection. Default 3000 ms. */
  retryMs?: number;
  logger?: SchedulerLogger;
}

/** Events of a LeaderElection: `elected` when this instance takes the lock, `revoked` when it loses it. */
export interface LeaderElectionEvents {
  elected: [];
  revoked: [];
}

/**
 * Elects one instance among those sharing a name through a session-level PostgreSQL advisory lock,
 * held on a dedicated connection. If the process or the connection dies, PostgreSQL releases the lock
 * and a follower takes it on its next try: that is the failover. Needs a direct (or session-pooled)
 * connection: a transaction-pooling proxy would hand the lock to a random session.
 */
export class LeaderElection extends EventEmitter<LeaderElectionEvents> {
  /** The advisory-lock key derived from the name. */
  readonly key: bigint;
  private readonly retryMs: number;
  private readonly logger: SchedulerLogger;
  private client: Client | null = null;
  private leader = false;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private attempt: Promise<void> | null = null;

  constructor(private readonly options: LeaderElectionOptions) {
    super();
    this.key = advisoryKey(options.name);
    this.retryMs = options.retryMs ?? 3_000;
    this.logger = options.logger ?? consoleSchedulerLogger;
  }

  /** Whether this instance holds the lock right now. */
  isLeader(): boolean {
    return this.leader;
  }

  /** Makes a first attempt at once, then retries (or, as leader, checks the connection) every retryMs. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.timer = setInterval(() => void this.tryNow(), this.retryMs);
    this.timer.unref();
    await this.tryNow();
  }

  /** Releases the lock (if held), closes the connection and stops trying. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.attempt;
    const client = this.client;
    this.client = null;
    if (client) {
      // Ending the session would release the lock anyway; unlocking first lets a follower in sooner.
      if (this.leader) await client.query('SELECT pg_advisory_unlock($1::bigint)', [this.key.toString()]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
    this.setLeader(false);
  }

  /** One election round now (followers try the lock, the leader checks its connection); never throws. */
  tryNow(): Promise<void> {
    this.attempt ??= this.round().finally(() => {
      this.attempt = null;
    });
    return this.attempt;
  }

  private async round(): Promise<void> {
    if (!this.running) return;
    let client: Client | null = null;
    try {
      client = await this.connection();
      if (this.leader) {
        // The lock lives exactly as long as the session, so a live session means we still lead.
        await client.query('SELECT 1');
        return;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        this.key.toString(),
      ]);
      if (rows[0]?.locked && this.running) this.setLeader(true);
    } catch (error) {
      this.logger.warn({ election: this.options.name, err: error }, 'leader election round failed; will retry');
      if (client) this.drop(client);
    }
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: `leader:${this.options.name}`.slice(0, 63),
      keepAlive: true,
      // A stalled heartbeat counts as a lost lock: the server may already have released it.
      query_timeout: Math.max(5_000, this.retryMs * 2),
      connectionTimeoutMillis: Math.max(5_000, this.retryMs * 2),
    });
    // pg emits 'error' on a broken idle connection; without a listener it would crash the process.
    client.on('error', (error) => {
      this.logger.warn({ election: this.options.name, err: error }, 'leader election connection lost');
      this.drop(client);
    });
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.setLeader(false);
    client.end().catch(() => undefined);
  }

  private setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.logger.info({ election: this.options.name }, leader ? 'elected leader' : 'no longer leader');
    this.emit(leader ? 'elected' : 'revoked');
  }
}
