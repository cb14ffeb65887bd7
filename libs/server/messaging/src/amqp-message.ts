import type { MessageProperties, Options } from 'amqplib';
import type { MessageEnvelope } from '@roastery/contracts';

/** Header carrying the 1-based handling attempt of a message; absent means 1. */
export const ATTEMPT_HEADER = 'x-attempt';
/** Header carrying the correlation id, for tools that read headers rather than properties. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Headers set on every message in a dead-letter queue. */
export const DEAD_LETTER_HEADERS = {
  reason: 'x-death-reason',
  originalQueue: 'x-original-queue',
  handler: 'x-handler',
  failedAt: 'x-failed-at',
} as const;

/** The body and properties an envelope is published with: persistent, id and type visible to the broker. */
export function envelopeToAmqp(envelope: MessageEnvelope, headers: Record<string, unknown> = {}): { content: Buffer; options: Options.Publish } {
  return {
    content: Buffer.from(JSON.stringify(envelope)),
    options: {
      persistent: true,
      contentType: 'application/json',
      messageId: envelope.id,
      type: envelope.type,
      correlationId: envelope.correlationId,
      appId: envelope.source,
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      headers: { [CORRELATION_HEADER]: envelope.correlationId, ...headers },
    },
  };
}

/**
 * The properties to republish a received message with (retry, dead letter), keeping its id and
 * type. The broker's own x-death bookkeeping is dropped: our x-attempt header counts instead, and
 * x-death would otherwise grow on every round trip through a retry queue.
 */
export function republishOptions(properties: MessageProperties, headers: Record<string, unknown>): Options.Publish {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties.headers ?? {})) {
    if (k !== 'x-death' && !k.startsWith('x-first-death') && !k.startsWith('x-last-death')) kept[k] = v;
  }
  return {
    persistent: true,
    contentType: properties.contentType ?? 'application/json',
    messageId: properties.messageId,
    type: properties.type,
    correlationId: properties.correlationId,
    appId: properties.appId,
    timestamp: properties.timestamp,
    headers: { ...kept, ...headers },
  };
}

/** The attempt a delivery represents, read from its x-attempt header. */
export function attemptOf(properties: MessageProperties): number {
  const raw = Number(properties.headers?.[ATTEMPT_HEADER]);
  return Number.isInteger(raw) && raw >= 1 ? raw : 1;
}

/** Cuts a reason to a size that fits comfortably in a header. */
export function headerText(text: string, max = 2000): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
