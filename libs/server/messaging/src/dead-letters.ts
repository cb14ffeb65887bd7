import type { ChannelModel, ConsumeMessage } from 'amqplib';
import { envelopeSchema, type MessageEnvelope } from '@roastery/contracts';
import type { Logger } from '@roastery/observability';
import { ATTEMPT_HEADER, DEAD_LETTER_HEADERS, attemptOf, envelopeToAmqp } from './amqp-message';
import { BrokerUnavailableError, publishWithConfirms } from './confirm-publish';
import { AmqpConnection, errorMessage } from './connection';
import { declareDeadLetterQueue } from './topology';

/** A message taken from a dead-letter queue, with the reason the consumer gave up on it. */
export interface DeadLetter {
  /** The dead-letter queue it was read from. */
  queue: string;
  /** The body exactly as it was dead-lettered. */
  body: string;
  /** The parsed envelope, or null when the body was not a valid envelope. */
  envelope: MessageEnvelope | null;
  reason: string;
  /** The service queue a replay sends it back to. */
  originalQueue: string;
  /** The failing handler names, comma-separated; empty for an invalid message. */
  handler: string;
  failedAt: string;
  attempt: number;
  headers: Record<string, unknown>;
}

/** What a replay needs: the unchanged envelope and the queue it came from. */
export interface ReplayableDeadLetter {
  originalQueue: string;
  envelope: MessageEnvelope;
}

/** Settings of a collector. */
export interface DeadLetterCollectorOptions {
  amqpUrl: string;
  /** Dead-letter queues to drain, e.g. `queueNames(ns, 'user-service').dlq` for each service. */
  queues: readonly string[];
  /** Stores one dead letter; the message is acked only after this resolves. */
  onDeadLetter: (letter: DeadLetter) => Promise<void>;
  logger: Logger;
  /** Wait before handing back a letter whose callback failed, so a broken store is not hammered (default 1000 ms). */
  redeliveryDelayMs?: number;
  reconnectMaxDelayMs?: number;
  /** Passed on to the queue declaration, as MessagingOptions.queueExpiresMs (test namespaces only). */
  queueExpiresMs?: number;
}

/** Drains dead-letter queues into a callback (admin-service stores them) and replays letters on request. */
export class DeadLetterCollector {
  private connection: AmqpConnection | null = null;
  private model: ChannelModel | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private consumers: Array<{ cancel: () => Promise<unknown> }> = [];

  constructor(private readonly options: DeadLetterCollectorOptions) {}

  /** Connects and consumes every listed queue; waits up to timeoutMs for the first connection. */
  async start(timeoutMs = 10_000): Promise<void> {
    if (this.connection) return;
    const connection = new AmqpConnection(this.options.amqpUrl, {
      name: 'dead-letter-collector',
      logger: this.options.logger,
      maxDelayMs: this.options.reconnectMaxDelayMs,
    });
    connection.onConnect(async (model) => {
      const channel = await model.createChannel();
      channel.on('error', (err: unknown) => this.options.logger.warn({ err: errorMessage(err) }, 'dead-letter channel error'));
      channel.once('close', () => {
        if (this.connection) model.close().catch(() => undefined);
      });
      await channel.prefetch(16);
      this.consumers = [];
      for (const queue of this.options.queues) {
        await this.declare(model, queue);
        const { consumerTag } = await channel.consume(queue, (msg) => {
          if (!msg) return void channel.close().catch(() => undefined);
          const work = this.collect(queue, msg, channel).finally(() => this.inFlight.delete(work));
          this.inFlight.add(work);
        });
        this.consumers.push({ cancel: () => channel.cancel(consumerTag) });
      }
      this.model = model;
    });
    this.connection = connection;
    connection.start();
    await connection.waitUntilReady(timeoutMs);
  }

  /** Stops consuming, waits for callbacks in flight, and closes the connection. */
  async stop(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    await Promise.allSettled(this.consumers.map((c) => c.cancel()));
    await Promise.allSettled([...this.inFlight]);
    await connection.close();
    this.model = null;
  }

  /** True while connected and consuming. */
  isConnected(): boolean {
    return this.connection?.isConnected() ?? false;
  }

  /** Sends a stored dead letter back to its original queue; see replayDeadLetter. */
  async replay(letter: ReplayableDeadLetter): Promise<void> {
    if (!this.model || !this.connection?.isConnected()) throw new BrokerUnavailableError('dead-letter replay');
    await replayDeadLetter(this.model, letter);
  }

  /**
   * Declares the queue so the collector can start before the services, on a channel of its own:
   * if a service declared it with other arguments the declaration fails, and the queue, which then
   * exists, is consumed as it is.
   */
  private async declare(model: ChannelModel, queue: string): Promise<void> {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      await declareDeadLetterQueue(channel, queue, this.options.queueExpiresMs);
    } catch (err) {
      this.options.logger.debug({ err: errorMessage(err), queue }, 'dead-letter queue exists with other arguments; consuming it as it is');
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  private async collect(queue: string, msg: ConsumeMessage, channel: { ack(m: ConsumeMessage): void; nack(m: ConsumeMessage, all?: boolean, requeue?: boolean): void }): Promise<void> {
    const letter = toDeadLetter(queue, msg);
    try {
      await this.options.onDeadLetter(letter);
      channel.ack(msg);
    } catch (err) {
      this.options.logger.error({ err: errorMessage(err), queue, messageId: msg.properties.messageId }, 'storing a dead letter failed; it stays queued');
      await new Promise((r) => setTimeout(r, this.options.redeliveryDelayMs ?? 1000));
      try {
        channel.nack(msg, false, true);
      } catch {
        // Channel already closed: the broker requeues the message by itself.
      }
    }
  }
}

/**
 * Republishes the envelope unchanged (same id, so handlers that already applied it skip it) straight
 * to its original queue, with the attempt count back at 1. Fails if that queue does not exist,
 * rather than letting the broker drop the message.
 */
export async function replayDeadLetter(connection: ChannelModel, letter: ReplayableDeadLetter): Promise<void> {
  const parsed = envelopeSchema.parse(letter.envelope) as MessageEnvelope;
  // checkQueue closes its channel when the queue is missing, so it gets a channel of its own.
  const check = await connection.createChannel();
  check.on('error', () => undefined);
  try {
    await check.checkQueue(letter.originalQueue);
  } finally {
    await check.close().catch(() => undefined);
  }
  const channel = await connection.createConfirmChannel();
  channel.on('error', () => undefined);
  try {
    const { content, options } = envelopeToAmqp(parsed, { [ATTEMPT_HEADER]: 1, 'x-replayed-at': new Date().toISOString() });
    await publishWithConfirms(channel, [{ exchange: '', routingKey: letter.originalQueue, content, options }]);
  } finally {
    await channel.close().catch(() => undefined);
  }
}

function toDeadLetter(queue: string, msg: ConsumeMessage): DeadLetter {
  const headers: Record<string, unknown> = { ...(msg.properties.headers ?? {}) };
  const body = msg.content.toString('utf8');
  let envelope: MessageEnvelope | null = null;
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(body));
    if (parsed.success) envelope = parsed.data as MessageEnvelope;
  } catch {
    // Not JSON: kept as the raw body only.
  }
  const text = (key: string): string => (headers[key] === undefined ? '' : String(headers[key]));
  return {
    queue,
    body,
    envelope,
    reason: text(DEAD_LETTER_HEADERS.reason),
    originalQueue: text(DEAD_LETTER_HEADERS.originalQueue),
    handler: text(DEAD_LETTER_HEADERS.handler),
    failedAt: text(DEAD_LETTER_HEADERS.failedAt),
    attempt: attemptOf(msg.properties),
    headers,
  };
}
