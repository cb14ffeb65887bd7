import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { DataSource } from 'typeorm';
import type { EventDefinition, PayloadOf } from '@roastery/contracts';
import { createLogger, runInContext, type Logger } from '@roastery/observability';
import { ATTEMPT_HEADER, DEAD_LETTER_HEADERS, attemptOf, headerText, republishOptions } from './amqp-message';
import { publishWithConfirms } from './confirm-publish';
import { AmqpConnection, errorMessage } from './connection';
import { processDelivery, type DeliveryOutcome, type HandlerRegistration, type MessageHandler } from './idempotent-consumer';
import { declareDeadLetterQueue, declareRetryQueue, declareServiceTopology, queueNames, retryDelayMs, type QueueNames } from './topology';

/** What the consuming side needs: the service's database and its broker settings. */
export interface MessageBusOptions {
  dataSource: DataSource;
  service: string;
  amqpUrl: string;
  namespace: string;
  maxAttempts: number;
  retryBaseMs: number;
  prefetch?: number;
  reconnectMaxDelayMs?: number;
  startupTimeoutMs?: number;
  /** See MessagingOptions.queueExpiresMs: test namespaces only. */
  queueExpiresMs?: number;
  /** How long stop() waits for handlers in flight before closing anyway (default 10000 ms); their messages are redelivered. */
  shutdownTimeoutMs?: number;
  logger?: Logger;
}

/**
 * The consuming side of a service: handlers register with on(), then start() declares the
 * topology and consumes the service queue with manual acks, inbox de-duplication, retries through
 * TTL queues and dead-lettering, reconnecting after broker restarts.
 */
export class MessageBus {
  private readonly handlers = new Map<string, HandlerRegistration[]>();
  private readonly names: QueueNames;
  private readonly logger: Logger;
  private readonly inFlight = new Set<Promise<void>>();
  private connection: AmqpConnection | null = null;
  private consumer: { channel: Channel; tag: string } | null = null;
  private stopping = false;

  constructor(private readonly options: MessageBusOptions) {
    this.names = queueNames(options.namespace, options.service);
    this.logger = options.logger ?? createLogger(options.service);
  }

  /**
   * Registers fn to run for every message of def's type, under handlerName (its inbox key, so keep
   * it stable). Several handlers may share a type; each runs once per message in its own transaction.
   */
  on<D extends EventDefinition>(def: D, handlerName: string, fn: MessageHandler<PayloadOf<D>>): void {
    if (this.connection) throw new Error(`MessageBus.on(${def.type}) after start(): register handlers in onModuleInit`);
    const list = this.handlers.get(def.type) ?? [];
    if (list.some((h) => h.name === handlerName)) throw new Error(`handler "${handlerName}" is already registered for ${def.type}`);
    list.push({ def, name: handlerName, fn: fn as MessageHandler<unknown> });
    this.handlers.set(def.type, list);
  }

  /** The routing keys the service queue is bound to: exactly the types with a handler. */
  routingKeys(): string[] {
    return [...this.handlers.keys()];
  }

  /** This service's queue names. */
  queues(): QueueNames {
    return this.names;
  }

  /**
   * Connects, declares the topology and starts consuming. Waits for the first connection up to
   * startupTimeoutMs, then keeps trying in the background so a late broker does not block boot.
   */
  async start(): Promise<void> {
    if (this.connection) return;
    this.stopping = false;
    const connection = new AmqpConnection(this.options.amqpUrl, {
      name: `${this.options.service}:consumer`,
      logger: this.logger,
      maxDelayMs: this.options.reconnectMaxDelayMs,
    });
    connection.onConnect(async (model) => {
      const publish = await model.createConfirmChannel();
      const channel = await model.createChannel();
      for (const ch of [publish, channel]) {
        ch.on('error', (err: unknown) => this.logger.warn({ err: errorMessage(err) }, 'consumer channel error'));
        // Any channel the broker closes takes its connection with it, so one reconnect path redoes everything.
        ch.once('close', () => {
          if (!this.stopping) model.close().catch(() => undefined);
        });
      }
      await declareServiceTopology(channel, {
        namespace: this.options.namespace,
        service: this.options.service,
        routingKeys: this.routingKeys(),
        maxAttempts: this.options.maxAttempts,
        retryBaseMs: this.options.retryBaseMs,
        queueExpiresMs: this.options.queueExpiresMs,
      });
      await channel.prefetch(this.options.prefetch ?? 32);
      const { consumerTag } = await channel.consume(this.names.queue, (msg) => this.onDelivery(channel, publish, msg), { noAck: false });
      this.consumer = { channel, tag: consumerTag };
    });
    this.connection = connection;
    connection.start();
    const ready = await connection.waitUntilReady(this.options.startupTimeoutMs ?? 10_000);
    if (!ready) this.logger.warn('RabbitMQ not reachable yet; consumer keeps retrying in the background');
  }

  /** Stops consuming, lets handlers in flight finish and ack, then closes the connection. */
  async stop(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.stopping = true;
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.channel.cancel(consumer.tag).catch(() => undefined);
    const drained = await settleWithin([...this.inFlight], this.options.shutdownTimeoutMs ?? 10_000);
    if (!drained) this.logger.warn({ inFlight: this.inFlight.size }, 'handlers still running at shutdown; their messages will be redelivered');
    await connection.close();
    this.connection = null;
  }

  /** True while connected to the broker and consuming. */
  isConnected(): boolean {
    return this.connection?.isConnected() ?? false;
  }

  private onDelivery(channel: Channel, publish: ConfirmChannel, msg: ConsumeMessage | null): void {
    if (!msg) {
      // The broker cancelled the consumer (queue deleted); reconnecting redeclares it.
      this.logger.warn({ queue: this.names.queue }, 'consumer cancelled by broker; reconnecting');
      channel.close().catch(() => undefined);
      return;
    }
    const work = this.handle(channel, publish, msg).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async handle(channel: Channel, publish: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await processDelivery(this.options.dataSource, (type) => this.handlers.get(type) ?? [], msg.content);
    } catch (err) {
      // processDelivery reports failures as outcomes; anything thrown is a bug, retried like a failed handler.
      outcome = { status: 'failed', reason: errorMessage(err), handlers: [] };
    }
    const ctx = { correlationId: outcome.envelope?.correlationId ?? msg.properties.correlationId ?? 'unknown', causationId: outcome.envelope?.id ?? null };
    await runInContext(ctx, async () => {
      try {
        await this.settle(publish, msg, outcome);
        channel.ack(msg);
      } catch (err) {
        // Retry or dead-letter publish failed: hand the message back so it is delivered again.
        this.logger.error({ err: errorMessage(err), messageId: msg.properties.messageId }, 'could not settle message; requeueing');
        try {
          channel.nack(msg, false, true);
        } catch {
          // The channel is gone; the broker requeues every unacked message of a closed channel.
        }
      }
    });
  }

  private async settle(publish: ConfirmChannel, msg: ConsumeMessage, outcome: DeliveryOutcome): Promise<void> {
    const attempt = attemptOf(msg.properties);
    const base = { messageId: msg.properties.messageId, type: msg.properties.type, attempt };
    switch (outcome.status) {
      case 'applied':
      case 'duplicate':
        this.logger.debug({ ...base, status: outcome.status }, 'message handled');
        return;
      case 'unhandled':
        this.logger.warn(base, 'no handler for message type; acking');
        return;
      case 'invalid':
        this.logger.error({ ...base, reason: outcome.reason }, 'invalid message; dead-lettering');
        return this.deadLetter(publish, msg, outcome.reason, [], attempt);
      case 'failed':
        if (attempt < this.options.maxAttempts) {
          const delay = retryDelayMs(attempt, this.options.retryBaseMs);
          this.logger.warn({ ...base, reason: outcome.reason, retryInMs: delay }, 'handler failed; retrying');
          // A queue with x-expires and no consumers may have expired since connect; declaring it again revives it.
          if (this.options.queueExpiresMs) await declareRetryQueue(publish, this.names, delay, this.options.queueExpiresMs);
          return publishWithConfirms(publish, [
            {
              exchange: '',
              routingKey: this.names.retryQueue(delay),
              content: msg.content,
              options: republishOptions(msg.properties, { [ATTEMPT_HEADER]: attempt + 1, 'x-last-error': headerText(outcome.reason) }),
            },
          ]);
        }
        this.logger.error({ ...base, reason: outcome.reason, handlers: outcome.handlers }, 'handler failed on its last attempt; dead-lettering');
        return this.deadLetter(publish, msg, outcome.reason, outcome.handlers, attempt);
    }
  }

  private async deadLetter(publish: ConfirmChannel, msg: ConsumeMessage, reason: string, handlers: string[], attempt: number): Promise<void> {
    if (this.options.queueExpiresMs) await declareDeadLetterQueue(publish, this.names.dlq, this.options.queueExpiresMs);
    return publishWithConfirms(publish, [
      {
        exchange: '',
        routingKey: this.names.dlq,
        content: msg.content,
        options: republishOptions(msg.properties, {
          [ATTEMPT_HEADER]: attempt,
          [DEAD_LETTER_HEADERS.reason]: headerText(reason),
          [DEAD_LETTER_HEADERS.originalQueue]: this.names.queue,
          [DEAD_LETTER_HEADERS.handler]: handlers.join(','),
          [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
        }),
      },
    ]);
  }
}

/** Resolves true when every promise has settled, or false once timeoutMs has passed. */
async function settleWithin(promises: Array<Promise<unknown>>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([Promise.allSettled(promises).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
