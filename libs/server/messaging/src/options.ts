import type { Logger } from '@roastery/observability';
import { retryDelays } from './topology';

/** How a service connects to the bus; parsed once from the service's config. */
export interface MessagingOptions {
  /** The service name: the envelope `source` and part of its queue names (`<namespace>.<service>.events`). */
  service: string;
  amqpUrl: string;
  /** Prefix of every exchange and queue, so test runs and environments never share one. */
  namespace: string;
  /** Handler attempts before a message goes to the dead-letter queue (1 = no retry). */
  maxAttempts: number;
  /** Delay before the first retry; each further retry waits twice as long. */
  retryBaseMs: number;
  /** When false the outbox still records events, but nothing connects to RabbitMQ. */
  enabled: boolean;
  /** Outbox rows the relay claims per transaction (default 100). */
  relayBatchSize?: number;
  /** Fallback poll of the relay when no NOTIFY arrives (default 1000 ms). */
  relayPollMs?: number;
  /** Unacked deliveries per consumer, which bounds concurrent handler transactions (default 32). */
  prefetch?: number;
  /** Cap of the reconnect back-off (default 5000 ms). */
  reconnectMaxDelayMs?: number;
  /**
   * Deletes this service's queues once unused for this long (`x-expires`). Only for throw-away
   * namespaces such as test runs, and longer than the longest retry delay; never in production.
   */
  queueExpiresMs?: number;
  /** How long stop() waits for handlers in flight before closing anyway (default 10000 ms). */
  shutdownTimeoutMs?: number;
  /** How long start() waits for the first broker connection before going on in the background (default 10000 ms). */
  startupTimeoutMs?: number;
  logger?: Logger;
}

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** Rejects options that would make broken queue names or a retry loop that never ends. */
export function assertMessagingOptions(options: MessagingOptions): void {
  if (!NAME.test(options.service)) throw new Error(`messaging: service "${options.service}" must match ${NAME}`);
  if (!/^[a-z0-9][a-z0-9_.-]*$/.test(options.namespace)) throw new Error(`messaging: namespace "${options.namespace}" is not a plain name`);
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) throw new Error('messaging: maxAttempts must be a positive integer');
  if (!Number.isInteger(options.retryBaseMs) || options.retryBaseMs < 1) throw new Error('messaging: retryBaseMs must be a positive integer');
  const longestDelay = Math.max(0, ...retryDelays(options.maxAttempts, options.retryBaseMs));
  if (options.queueExpiresMs !== undefined && !(Number.isInteger(options.queueExpiresMs) && options.queueExpiresMs > longestDelay)) {
    throw new Error('messaging: queueExpiresMs must be an integer longer than the longest retry delay');
  }
}
