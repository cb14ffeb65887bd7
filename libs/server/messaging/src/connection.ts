import { connect, type ChannelModel } from 'amqplib';
import type { Logger } from '@roastery/observability';

/** Work to redo on every fresh connection: open channels, declare topology, start consuming. */
export type ConnectionSetup = (connection: ChannelModel) => Promise<void>;

/** Tuning of the reconnect loop. */
export interface AmqpConnectionOptions {
  /** Shown in the broker's connection list, e.g. `user-service:consumer`. */
  name: string;
  logger: Logger;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * A RabbitMQ connection that comes back by itself. amqplib has no reconnects, so this reconnects
 * with capped exponential back-off and re-runs every registered setup each time.
 */
export class AmqpConnection {
  private model: ChannelModel | null = null;
  private ready = false;
  private closing = false;
  private started = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private readonly setups: ConnectionSetup[] = [];
  private waiters: Array<() => void> = [];

  constructor(
    private readonly url: string,
    private readonly options: AmqpConnectionOptions,
  ) {}

  /** Registers work to run, in registration order, on every new connection (before start()). */
  onConnect(setup: ConnectionSetup): void {
    this.setups.push(setup);
  }

  /** Starts connecting in the background; never throws because the broker is down. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.closing = false;
    this.connecting = this.connectOnce();
  }

  /** Resolves true once connected and set up, or false after timeoutMs. */
  waitUntilReady(timeoutMs: number): Promise<boolean> {
    if (this.ready) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(done);
    });
  }

  /** True while a connection is open and every setup has run on it. */
  isConnected(): boolean {
    return this.ready;
  }

  /** Stops reconnecting and closes the connection (its channels close with it). */
  async close(): Promise<void> {
    this.closing = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.connecting;
    const model = this.model;
    this.model = null;
    this.ready = false;
    if (model) await model.close().catch(() => undefined);
  }

  private async connectOnce(): Promise<void> {
    const log = this.options.logger;
    let model: ChannelModel;
    try {
      model = await connect(this.url, { clientProperties: { connection_name: this.options.name } });
    } catch (err) {
      log.warn({ err: errorMessage(err), connection: this.options.name }, 'RabbitMQ connect failed');
      this.scheduleReconnect();
      return;
    }
    if (this.closing) {
      await model.close().catch(() => undefined);
      return;
    }
    this.model = model;
    // 'error' is always followed by 'close'; without a listener it would crash the process.
    model.on('error', (err: unknown) => log.warn({ err: errorMessage(err), connection: this.options.name }, 'RabbitMQ connection error'));
    model.once('close', () => {
      if (this.model !== model) return;
      this.model = null;
      this.ready = false;
      if (this.closing) return;
      log.warn({ connection: this.options.name }, 'RabbitMQ connection closed; reconnecting');
      this.scheduleReconnect();
    });
    try {
      for (const setup of this.setups) await setup(model);
    } catch (err) {
      log.warn({ err: errorMessage(err), connection: this.options.name }, 'RabbitMQ setup failed; reconnecting');
      // Closing fires 'close' above, which schedules the next try.
      await model.close().catch(() => undefined);
      return;
    }
    if (this.model !== model) return;
    this.ready = true;
    this.failures = 0;
    log.info({ connection: this.options.name }, 'RabbitMQ connected');
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.timer) return;
    const min = this.options.minDelayMs ?? 200;
    const max = this.options.maxDelayMs ?? 5000;
    const base = Math.min(max, min * 2 ** this.failures);
    this.failures += 1;
    // Jitter keeps many instances from hammering a broker that has just come back, all at once.
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connecting = this.connectOnce();
    }, delay);
  }
}

/** The message of an unknown thrown value, for logs and dead-letter headers. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
