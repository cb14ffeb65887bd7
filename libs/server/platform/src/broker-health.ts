import type { HealthCheck } from '@roastery/http';
import type { MessagingRuntime } from '@roastery/messaging';
import { connect } from 'amqplib';

/**
 * Readiness of RabbitMQ as this process uses it: the consumer's and the relay's own connections.
 * An instance with messaging disabled (an HTTP-only replica) instead checks that it can reach the
 * broker at all, by opening and closing a connection.
 */
export function brokerHealthCheck(runtime: MessagingRuntime, amqpUrl: string): HealthCheck {
  return {
    name: 'rabbitmq',
    async check() {
      const h = runtime.health();
      if (h.status === 'up') return;
      if (h.status === 'down') throw new Error(`consumer ${h.consumer ? 'up' : 'down'}, publisher ${h.publisher ? 'up' : 'down'}`);
      const conn = await connect(amqpUrl, { timeout: 1_500 });
      await conn.close();
    },
  };
}
