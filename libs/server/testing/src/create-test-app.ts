import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropDatabase } from '@roastery/persistence';
import { DataSource } from 'typeorm';
import { type BusProbe, createBusProbe } from './bus-probe';
import { HttpClient } from './http-client';
import { TestIssuer } from './test-issuer';
import { type SandboxProcess, startSandboxProcess } from './toss-sandbox-process';
import { TEST_AMQP_URL, TEST_PG_URL, TEST_REDIS_URL, uniqueSuffix } from './test-names';

/** Builds the app under test from an environment, exactly as main.ts does. */
export type AppFactory = (env: Record<string, string | undefined>) => Promise<NestFastifyApplication>;

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  /** Sees every message published in this test's namespace. */
  bus: BusProbe;
  db: DataSource;
  /** Mints tokens for services that verify user-service's tokens (absent for user-service). */
  issuer?: TestIssuer;
  /** The Toss sandbox process the service talks to (with `withTossSandbox`). */
  sandbox?: SandboxProcess;
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Short service name, used in the database name. */
  service: string;
  /** Start a TestIssuer and point USER_SERVICE_URL at it. */
  withIssuer?: boolean;
  /** Start a toss-sandbox process (own database, same shared clock) and point TOSS_API_URL at it. */
  withTossSandbox?: boolean;
  env?: Record<string, string>;
}

/**
 * Boots one service against the real PostgreSQL, Redis and RabbitMQ, in its own database and its
 * own AMQP namespace, so test files run side by side without seeing each other.
 */
export async function createTestApp(factory: AppFactory, o: TestAppOptions): Promise<TestApp> {
  const suffix = uniqueSuffix();
  const namespace = `t${suffix}`;
  const databaseUrl = `${TEST_PG_URL}/t_${o.service.replace(/-/g, '_')}_${suffix}`;
  const issuer = o.withIssuer ? await TestIssuer.start() : undefined;
  const sandbox = o.withTossSandbox
    ? await startSandboxProcess({ databaseUrl: `${TEST_PG_URL}/t_toss_sandbox_${suffix}`, redisPrefix: `${namespace}:`, redisUrl: TEST_REDIS_URL })
    : undefined;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: databaseUrl,
    AMQP_URL: TEST_AMQP_URL,
    REDIS_URL: TEST_REDIS_URL,
    AMQP_NAMESPACE: namespace,
    REDIS_PREFIX: `${namespace}:`,
    MESSAGE_RETRY_BASE_MS: '50',
    MESSAGE_MAX_ATTEMPTS: '3',
    // The namespace's queues delete themselves once idle, so test runs leave nothing on the broker.
    AMQP_QUEUE_EXPIRES_MS: '600000',
    ...(issuer && { USER_SERVICE_URL: issuer.url }),
    ...(sandbox && { TOSS_API_URL: sandbox.url }),
    ...o.env,
  };
  const bus = await createBusProbe({ amqpUrl: TEST_AMQP_URL, namespace });
  const app = await factory(env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const db = app.get(DataSource);
  return {
    app,
    http: new HttpClient(`http://127.0.0.1:${port}`),
    bus,
    db,
    issuer,
    sandbox,
    env,
    async close() {
      await app.close();
      await bus.close();
      await issuer?.close();
      await sandbox?.stop();
      await dropDatabase(databaseUrl);
    },
  };
}
