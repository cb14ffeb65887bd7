import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '@roastery/observability';
import { AmqpConnection } from './connection';
import type { MessageBus } from './message-bus';
import type { MessagingOptions } from './options';
import { AmqpOutboxPublisher } from './outbox-publisher';
import { OutboxRelay } from './outbox-relay';

/** What /health reports about messaging. */
export interface MessagingHealth {
  status: 'up' | 'down' | 'disabled';
  /** Connected and consuming the service queue. */
  consumer: boolean;
  /** The relay's publishing connection is up. */
  publisher: boolean;
}

/**
 * Starts the consumer and the outbox relay when the application has booted (every handler is
 * registered by then) and stops them before the DataSource closes.
 */
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private publisherConnection: AmqpConnection | null = null;
  private relay: OutboxRelay | null = null;
  private readonly logger: Logger;

  constructor(
    private readonly options: MessagingOptions,
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
  ) {
    this.logger = options.logger ?? createLogger(options.service);
  }

  /** Declares topology, starts consuming, then starts the relay (so the service's own queue exists first). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    const connection = new AmqpConnection(this.options.amqpUrl, {
      name: `${this.options.service}:outbox-relay`,
      logger: this.logger,
      maxDelayMs: this.options.reconnectMaxDelayMs,
    });
    const publisher = new AmqpOutboxPublisher(connection, this.options.namespace, this.logger);
    connection.start();
    this.publisherConnection = connection;
    // Both wait for the broker at once, so a broker that is down delays boot by one timeout, not two.
    await Promise.all([this.bus.start(), connection.waitUntilReady(this.options.startupTimeoutMs ?? 10_000)]);
    this.relay = new OutboxRelay(this.dataSource, publisher, {
      logger: this.logger,
      batchSize: this.options.relayBatchSize,
      pollIntervalMs: this.options.relayPollMs,
    });
    await this.relay.start();
  }

  /** Stops consuming (finishing messages in flight), stops the relay and closes both connections. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stop();
    await this.relay?.stop();
    await this.publisherConnection?.close();
    this.relay = null;
    this.publisherConnection = null;
  }

  /** The state /health reports. */
  health(): MessagingHealth {
    if (!this.options.enabled) return { status: 'disabled', consumer: false, publisher: false };
    const consumer = this.bus.isConnected();
    const publisher = this.publisherConnection?.isConnected() ?? false;
    return { status: consumer && publisher ? 'up' : 'down', consumer, publisher };
  }
}
