// Stops and starts the local RabbitMQ node for chaos specs (needs rabbitmqctl, i.e. root on the CI box).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const RABBITMQCTL = process.env['RABBITMQCTL'] ?? 'rabbitmqctl';

/** Stops the RabbitMQ application; clients see their connections closed. */
export async function stopBroker(): Promise<void> {
  await run(RABBITMQCTL, ['stop_app'], { timeout: 60_000 });
}

/** Starts the RabbitMQ application and waits until it accepts work again; harmless when it is running. */
export async function startBroker(): Promise<void> {
  await run(RABBITMQCTL, ['start_app'], { timeout: 60_000 });
  await run(RABBITMQCTL, ['await_startup'], { timeout: 60_000 });
}
