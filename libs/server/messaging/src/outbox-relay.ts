import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { MessageEnvelope } from '@roastery/contracts';
import type { Logger } from '@roastery/observability';
import { errorMessage } from './connection';
import type { OutboxPublisher } from './outbox-publisher';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.service';

/** Tuning of the relay. */
export interface OutboxRelayOptions {
  logger: Logger;
  /** Rows claimed per transaction (default 100). */
  batchSize?: number;
  /** Fallback poll when no notification arrives (default 1000 ms). */
  pollIntervalMs?: number;
}

interface ClaimedRow {
  id: string;
  routing_key: string;
  envelope: MessageEnvelope;
}

/**
 * Moves committed outbox rows to the broker: claim a batch with FOR UPDATE SKIP LOCKED, publish
 * it with confirms, mark it published, commit. Several relays may run against one database; a
 * crash between publish and commit only means the batch is published again (consumers dedupe).
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private poller: NodeJS.Timeout | null = null;
  private listenRetry: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Starts listening for commits and polling, and drains whatever is already waiting. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.poller = setInterval(() => this.wake(), this.pollIntervalMs);
    await this.listen();
    this.wake();
  }

  /** Stops polling and listening and waits for the batch in flight to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    if (this.listenRetry) clearTimeout(this.listenRetry);
    this.poller = this.listenRetry = null;
    await this.running;
    const listener = this.listener;
    this.listener = null;
    if (listener) await listener.end().catch(() => undefined);
  }

  /** Asks for a drain soon; calls while one runs fold into one more pass. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pump().finally(() => {
      this.running = null;
    });
  }

  /**
   * Claims, publishes and marks one batch in one transaction; returns how many rows it published.
   * A failed publish records the error on the rows, commits that, and rethrows.
   */
  async drainOnce(): Promise<number> {
    let failure: unknown;
    const published = await this.dataSource.transaction(async (em) => {
      const rows: ClaimedRow[] = await em.query(
        `SELECT id, routing_key, envelope FROM outbox
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      try {
        await this.publisher.publish(rows.map((r) => ({ id: r.id, routingKey: r.routing_key, envelope: r.envelope })));
      } catch (err) {
        failure = err;
        await em.query(`UPDATE outbox SET publish_attempts = publish_attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
          ids,
          errorMessage(err),
        ]);
        return 0;
      }
      await em.query(
        `UPDATE outbox SET published_at = now(), publish_attempts = publish_attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return rows.length;
    });
    if (failure !== undefined) throw failure;
    return published;
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        // A full batch means more may be waiting behind it.
        if ((await this.drainOnce()) === this.batchSize) this.again = true;
      } catch (err) {
        // Rows stay unpublished; the next poll tries again, so a broker outage costs no more than that.
        this.options.logger.warn({ err: errorMessage(err) }, 'outbox relay could not publish; will retry');
        return;
      }
    } while (this.again && !this.stopped);
  }

  private async listen(): Promise<void> {
    const client = new Client(listenerConfig(this.dataSource));
    const drop = (err?: unknown): void => {
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.logger.warn({ err: err ? errorMessage(err) : 'ended' }, 'outbox relay lost its LISTEN connection; polling until it is back');
      this.listenRetry = setTimeout(() => {
        this.listenRetry = null;
        void this.listen();
      }, 5000);
    };
    client.on('notification', () => this.wake());
    client.on('error', drop);
    client.on('end', () => drop());
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    } catch (err) {
      drop(err);
      return;
    }
    // Rows committed while nobody listened are picked up by this pass.
    this.wake();
  }
}

/** A pg client config for the DataSource's database: LISTEN needs its own long-lived connection, outside the pool. */
function listenerConfig(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as PostgresConnectionOptions;
  if (o.type !== 'postgres') throw new Error(`OutboxRelay needs a postgres DataSource, got ${o.type}`);
  return {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: o.password as ClientConfig['password'],
    database: o.database,
    ssl: o.ssl as ClientConfig['ssl'],
    application_name: 'outbox-relay',
  };
}
