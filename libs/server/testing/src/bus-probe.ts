import { connect, type ConsumeMessage } from 'amqplib';
import { envelopeSchema, type MessageEnvelope } from '@roastery/contracts';

/** Sees every message published on a namespace's exchange, and publishes raw ones, for tests. */
export interface BusProbe {
  /** Every valid envelope seen so far, in arrival order. */
  received: MessageEnvelope[];
  /**
   * Resolves with the first envelope of this type matching predicate, including ones that arrived
   * before the call; rejects after timeoutMs (default 10 s).
   */
  waitForMessage(type: string, predicate?: (m: MessageEnvelope) => boolean, timeoutMs?: number): Promise<MessageEnvelope>;
  /**
   * Publishes body (an object is sent as JSON, a string or Buffer as is) to the namespace's exchange
   * with routingKey, persistent, and resolves once the broker confirmed it.
   */
  publishRaw(routingKey: string, body: unknown, headers?: Record<string, unknown>): Promise<void>;
  /** Deletes the probe's queue and closes its connection. */
  close(): Promise<void>;
}

interface Waiter {
  type: string;
  predicate: (m: MessageEnvelope) => boolean;
  resolve: (m: MessageEnvelope) => void;
}

/**
 * Connects a probe to `<namespace>.events`: an exclusive, auto-delete queue bound with `#`, so it
 * receives a copy of everything published in the namespace from now on.
 */
export async function createBusProbe(o: { amqpUrl: string; namespace: string }): Promise<BusProbe> {
  const exchange = `${o.namespace}.events`;
  const connection = await connect(o.amqpUrl);
  // A broker-side close (e.g. a restarting broker) emits 'error'; unhandled it would kill the test run.
  connection.on('error', () => undefined);
  const channel = await connection.createConfirmChannel();
  channel.on('error', () => undefined);
  // Same declaration as @roastery/messaging's topology, so the probe may start before any service.
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, '#');

  const received: MessageEnvelope[] = [];
  let waiters: Waiter[] = [];
  await channel.consume(
    queue,
    (msg: ConsumeMessage | null) => {
      if (!msg) return;
      const envelope = parseEnvelope(msg.content);
      if (!envelope) return;
      received.push(envelope);
      const matched = waiters.filter((w) => w.type === envelope.type && w.predicate(envelope));
      waiters = waiters.filter((w) => !matched.includes(w));
      for (const w of matched) w.resolve(envelope);
    },
    { noAck: true },
  );

  return {
    received,
    waitForMessage(type, predicate = () => true, timeoutMs = 10_000) {
      const seen = received.find((m) => m.type === type && predicate(m));
      if (seen) return Promise.resolve(seen);
      return new Promise<MessageEnvelope>((resolve, reject) => {
        const waiter: Waiter = {
          type,
          predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seenTypes = [...new Set(received.map((m) => m.type))].join(', ') || 'nothing';
          reject(new Error(`no ${type} message matching the predicate within ${timeoutMs} ms (saw: ${seenTypes})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async publishRaw(routingKey, body, headers = {}) {
      const content = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const envelope = parseEnvelope(content);
      await new Promise<void>((resolve, reject) => {
        channel.publish(
          exchange,
          routingKey,
          content,
          {
            persistent: true,
            contentType: 'application/json',
            messageId: envelope?.id,
            type: envelope?.type,
            correlationId: envelope?.correlationId,
            headers,
          },
          (err) => (err ? reject(err) : resolve()),
        );
      });
    },
    async close() {
      await channel.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}

/** The body as an envelope, or undefined when it is not valid JSON or not a valid envelope. */
function parseEnvelope(content: Buffer): MessageEnvelope | undefined {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(content.toString('utf8')));
    return parsed.success ? (parsed.data as MessageEnvelope) : undefined;
  } catch {
    return undefined;
  }
}
