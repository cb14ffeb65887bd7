import type { ConfirmChannel } from 'amqplib';
import type { MessageEnvelope } from '@roastery/contracts';
import type { Logger } from '@roastery/observability';
import { envelopeToAmqp } from './amqp-message';
import { BrokerUnavailableError, publishWithConfirms } from './confirm-publish';
import { errorMessage, type AmqpConnection } from './connection';
import { declareExchange, exchangeName } from './topology';

/** One claimed outbox row on its way to the broker. */
export interface OutboxRecord {
  id: string;
  routingKey: string;
  envelope: MessageEnvelope;
}

/** Where the relay sends claimed rows; resolves only when the broker has taken all of them. */
export interface OutboxPublisher {
  publish(records: readonly OutboxRecord[]): Promise<void>;
}

/** Publishes outbox rows to the namespace's topic exchange on a confirm channel. */
export class AmqpOutboxPublisher implements OutboxPublisher {
  private channel: ConfirmChannel | null = null;

  /** Registers its channel setup on connection, so construct it before connection.start(). */
  constructor(
    connection: AmqpConnection,
    private readonly namespace: string,
    private readonly logger: Logger,
    private readonly confirmTimeoutMs = 10_000,
  ) {
    connection.onConnect(async (model) => {
      const channel = await model.createConfirmChannel();
      channel.on('error', (err: unknown) => this.logger.warn({ err: errorMessage(err) }, 'outbox publish channel error'));
      channel.once('close', () => {
        if (this.channel !== channel) return;
        this.channel = null;
        // A channel the broker closed (e.g. a missing exchange) is recycled with its connection.
        model.close().catch(() => undefined);
      });
      await declareExchange(channel, this.namespace);
      this.channel = channel;
    });
  }

  /** Publishes every record persistently with its envelope id as messageId and waits for the confirms. */
  async publish(records: readonly OutboxRecord[]): Promise<void> {
    const channel = this.channel;
    if (!channel) throw new BrokerUnavailableError('outbox publisher');
    const exchange = exchangeName(this.namespace);
    await publishWithConfirms(
      channel,
      records.map((r) => ({ exchange, routingKey: r.routingKey, ...envelopeToAmqp(r.envelope) })),
      this.confirmTimeoutMs,
    );
  }
}
