import type { ConfirmChannel, Options } from 'amqplib';

/** One message to publish on a confirm channel. */
export interface OutgoingAmqpMessage {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/** Raised when the broker is not reachable right now; callers leave the work for a later try. */
export class BrokerUnavailableError extends Error {
  constructor(what: string) {
    super(`RabbitMQ is not connected (${what})`);
    this.name = 'BrokerUnavailableError';
  }
}

/**
 * Publishes the messages and resolves once the broker has confirmed every one of them; rejects on
 * a nack, a closed channel or after timeoutMs (a blocked broker must not hold the caller forever).
 */
export async function publishWithConfirms(channel: ConfirmChannel, messages: readonly OutgoingAmqpMessage[], timeoutMs = 10_000): Promise<void> {
  const confirms = messages.map(
    (m) =>
      new Promise<void>((resolve, reject) => {
        // A closed channel throws here; the executor turns that into a rejection.
        channel.publish(m.exchange, m.routingKey, m.content, m.options, (err) => (err ? reject(err) : resolve()));
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no publisher confirm within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.all(confirms), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
