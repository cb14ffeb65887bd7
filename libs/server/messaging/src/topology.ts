import type { Channel } from 'amqplib';

/** The names of one service's queues and the shared exchange, all under one namespace. */
export interface QueueNames {
  exchange: string;
  queue: string;
  dlq: string;
  retryQueue(delayMs: number): string;
}

/** Names the exchange and a service's queues: `<namespace>.events`, `<namespace>.<service>.events[.retry.<ms>|.dlq]`. */
export function queueNames(namespace: string, service: string): QueueNames {
  const queue = `${namespace}.${service}.events`;
  return {
    exchange: exchangeName(namespace),
    queue,
    dlq: `${queue}.dlq`,
    retryQueue: (delayMs) => `${queue}.retry.${delayMs}`,
  };
}

/** The one durable topic exchange of a namespace. */
export function exchangeName(namespace: string): string {
  return `${namespace}.events`;
}

/** Delay before the retry that follows failed attempt `attempt` (1-based): base, 2×base, 4×base… */
export function retryDelayMs(attempt: number, retryBaseMs: number): number {
  return retryBaseMs * 2 ** (attempt - 1);
}

/** The delays of every retry level a service needs, one TTL queue each. */
export function retryDelays(maxAttempts: number, retryBaseMs: number): number[] {
  return Array.from({ length: maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, retryBaseMs));
}

/** Declares the shared topic exchange (idempotent). */
export async function declareExchange(channel: Channel, namespace: string): Promise<void> {
  await channel.assertExchange(exchangeName(namespace), 'topic', { durable: true });
}

/** Everything needed to declare one service's consuming side. */
export interface ServiceTopology {
  namespace: string;
  service: string;
  routingKeys: readonly string[];
  maxAttempts: number;
  retryBaseMs: number;
  /** Deletes the queues after this long unused (`x-expires`); for throw-away test namespaces only. */
  queueExpiresMs?: number;
}

/**
 * Declares the exchange, the service queue bound to the keys it handles, one TTL queue per retry
 * delay and the dead-letter queue. Safe to repeat on every (re)connect.
 */
export async function declareServiceTopology(channel: Channel, t: ServiceTopology): Promise<QueueNames> {
  const names = queueNames(t.namespace, t.service);
  const expires = expiresArgument(t.queueExpiresMs);
  await declareExchange(channel, t.namespace);
  await channel.assertQueue(names.queue, { durable: true, arguments: { 'x-queue-type': 'quorum', ...expires } });
  for (const key of new Set(t.routingKeys)) await channel.bindQueue(names.queue, names.exchange, key);
  // One queue per delay: with per-message TTL in a single queue a long delay at the head would
  // hold back every shorter one behind it (RabbitMQ expires messages only at the head).
  for (const delay of new Set(retryDelays(t.maxAttempts, t.retryBaseMs))) await declareRetryQueue(channel, names, delay, t.queueExpiresMs);
  await declareDeadLetterQueue(channel, names.dlq, t.queueExpiresMs);
  return names;
}

/** Declares the TTL queue of one retry delay, which dead-letters back to the service queue. */
export async function declareRetryQueue(channel: Channel, names: QueueNames, delayMs: number, queueExpiresMs?: number): Promise<void> {
  await channel.assertQueue(names.retryQueue(delayMs), {
    durable: true,
    arguments: {
      'x-queue-type': 'classic',
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': names.queue,
      ...expiresArgument(queueExpiresMs),
    },
  });
}

/** Declares a dead-letter queue; the collector does so too, so it can start before the services. */
export async function declareDeadLetterQueue(channel: Channel, name: string, queueExpiresMs?: number): Promise<void> {
  await channel.assertQueue(name, { durable: true, arguments: { 'x-queue-type': 'quorum', ...expiresArgument(queueExpiresMs) } });
}

function expiresArgument(ms: number | undefined): Record<string, number> {
  return ms ? { 'x-expires': ms } : {};
}
