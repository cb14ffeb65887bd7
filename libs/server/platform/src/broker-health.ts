import type { HealthCheck } from '@roastery/http';
import { connect } from 'amqplib';

/**
 * Readiness of RabbitMQ: opens and closes a connection. Cheap enough at health-check rates, and it
 * answers the question that matters (can this process reach the broker now?) even when messaging
 * is disabled in this instance.
 */
export function brokerHealthCheck(amqpUrl: string): HealthCheck {
  return {
    name: 'rabbitmq',
    async check() {
      const conn = await connect(amqpUrl, { timeout: 1_500 });
      await conn.close();
    },
  };
}
