// Shared harness of the messaging specs: a throw-away database, a unique namespace, and helpers
// that start buses and relays and tear down every queue they declared.
import { randomBytes } from 'node:crypto';
import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { defineEvent, envelopeSchema, type MessageEnvelope } from '@roastery/contracts';
import pino from 'pino';
import { createLogger, type Logger } from '@roastery/observability';
import {
  AmqpConnection,
  AmqpOutboxPublisher,
  CreateMessagingTables1732000000000,
  DeadLetterCollector,
  MessageBus,
  Outbox,
  OutboxRelay,
  envelopeToAmqp,
  exchangeName,
  queueNames,
  messagingEntities,
  retryDelays,
  type DeadLetter,
  type MessageBusOptions,
  type OutboxPublisher,
  type OutboxRelayOptions,
} from '../src';

export const AMQP_URL = process.env['TEST_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const PG_URL = process.env['TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432';

/** Queues of a killed run delete themselves after this long; a spec file runs well within it. */
export const TEST_QUEUE_EXPIRES_MS = 120_000;

export const silentLogger = createLogger('messaging-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

/** A debug logger that keeps its lines, so a spec can see what became of each delivery. */
export function captureLogger(): { logger: Logger; lines: Array<Record<string, unknown>>; count(msg: string, extra?: Record<string, unknown>): number } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const count = (msg: string, extra: Record<string, unknown> = {}): number =>
    lines.filter((l) => l['msg'] === msg && Object.entries(extra).every(([k, v]) => l[k] === v)).length;
  return { logger, lines, count };
}

/** An event only the tests publish. */
export const orderPlaced = defineEvent(
  'test.order.placed',
  1,
  z.object({ orderId: z.uuid(), amount: z.number().int().positive() }),
);

/** A second event type, for "no handler" and binding tests. */
export const orderCancelled = defineEvent('test.order.cancelled', 1, z.object({ orderId: z.uuid() }));

/** Polls cond until it holds; fails with what after timeoutMs. */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Records every message on the namespace's exchange, like the bus probe of @roastery/testing. */
export interface Tap {
  received: MessageEnvelope[];
  /** Resolves once everything published before the call has reached the tap (queues are FIFO). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Everything one spec file needs; close() drops the database and every queue it created. */
export interface TestEnv {
  dataSource: DataSource;
  databaseUrl: string;
  namespace: string;
  /** Deletes this service's queues on close(), for buses created outside bus() (e.g. by the Nest module). */
  trackService(service: string, maxAttempts: number, retryBaseMs: number): void;
  outbox(service?: string): Outbox;
  bus(service: string, options?: Partial<MessageBusOptions>): MessageBus;
  relay(options?: Partial<OutboxRelayOptions> & { publisher?: (real: OutboxPublisher) => OutboxPublisher }): Promise<OutboxRelay>;
  tap(): Promise<Tap>;
  /** Starts a DeadLetterCollector over the queues that keeps what it collects. */
  deadLetters(queues: string[]): Promise<{ letters: DeadLetter[]; collector: DeadLetterCollector }>;
  /** Publishes a raw body to the exchange (or, with queue, straight to that queue). */
  publishRaw(routingKey: string, body: string | MessageEnvelope, opts?: { queue?: string; headers?: Record<string, unknown> }): Promise<void>;
  /** Rows a handler wrote into the applied table, per message id. */
  appliedCount(messageId: string, handler?: string): Promise<number>;
  /** Stops every bus, relay and collector started so far (afterEach), so a failed test leaves nothing consuming. */
  stopAll(): Promise<void>;
  close(): Promise<void>;
}

/** Creates database msg_test_<random> with the messaging tables and an `applied` table handlers write to. */
export async function createTestEnv(): Promise<TestEnv> {
  const suffix = randomBytes(5).toString('hex');
  const database = `msg_test_${suffix}`;
  const namespace = `msgtest.${suffix}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const databaseUrl = `${PG_URL}/${database}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: messagingEntities,
    migrations: [CreateMessagingTables1732000000000],
    migrationsRun: true,
    poolSize: 20,
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE TABLE applied (id serial PRIMARY KEY, handler text NOT NULL, message_id uuid NOT NULL)`);
  await dataSource.query(`CREATE TABLE orders (id uuid PRIMARY KEY, amount int NOT NULL)`);

  const queues = new Set<string>();
  const stoppers: Array<() => Promise<unknown>> = [];
  // The spec's own connection; it dies with the broker in chaos tests, so close() does not rely on it.
  const amqp = await connect(AMQP_URL);
  amqp.on('error', () => undefined);
  const channel = await amqp.createConfirmChannel();
  channel.on('error', () => undefined);
  await channel.assertExchange(exchangeName(namespace), 'topic', { durable: true });

  const trackService = (service: string, maxAttempts: number, retryBaseMs: number): void => {
    const n = queueNames(namespace, service);
    for (const q of [n.queue, n.dlq, ...retryDelays(maxAttempts, retryBaseMs).map((d) => n.retryQueue(d))]) queues.add(q);
  };

  return {
    dataSource,
    databaseUrl,
    namespace,
    trackService,
    outbox: (service = 'producer') => new Outbox({ service }),
    bus(service, options = {}) {
      const bus = new MessageBus({
        dataSource,
        service,
        namespace,
        amqpUrl: AMQP_URL,
        maxAttempts: 3,
        retryBaseMs: 20,
        reconnectMaxDelayMs: 1000,
        queueExpiresMs: TEST_QUEUE_EXPIRES_MS,
        logger: silentLogger,
        ...options,
      });
      trackService(service, options.maxAttempts ?? 3, options.retryBaseMs ?? 20);
      stoppers.push(() => bus.stop());
      return bus;
    },
    async relay(options = {}) {
      const connection = new AmqpConnection(AMQP_URL, { name: 'test-relay', logger: silentLogger, maxDelayMs: 1000 });
      const real = new AmqpOutboxPublisher(connection, namespace, silentLogger);
      connection.start();
      await connection.waitUntilReady(10_000);
      const relay = new OutboxRelay(dataSource, options.publisher ? options.publisher(real) : real, { logger: silentLogger, ...options });
      stoppers.push(async () => {
        await relay.stop();
        await connection.close();
      });
      return relay;
    },
    async deadLetters(dlqs) {
      const letters: DeadLetter[] = [];
      const collector = new DeadLetterCollector({
        amqpUrl: AMQP_URL,
        queues: dlqs,
        logger: silentLogger,
        queueExpiresMs: TEST_QUEUE_EXPIRES_MS,
        onDeadLetter: async (l) => void letters.push(l),
      });
      stoppers.push(() => collector.stop());
      await collector.start();
      return { letters, collector };
    },
    async tap() {
      const ch = await amqp.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
      await ch.bindQueue(queue, exchangeName(namespace), '#');
      const received: MessageEnvelope[] = [];
      await ch.consume(queue, (msg: ConsumeMessage | null) => {
        if (!msg) return;
        const parsed = envelopeSchema.safeParse(JSON.parse(msg.content.toString()));
        if (parsed.success) received.push(parsed.data as MessageEnvelope);
      }, { noAck: true });
      return {
        received,
        flush: async () => {
          const marker = envelopeOf('test.tap.flush', {});
          const { content, options } = envelopeToAmqp(marker);
          channel.publish('', queue, content, options);
          await channel.waitForConfirms();
          await waitFor('the tap to catch up', () => received.some((e) => e.id === marker.id));
          received.splice(received.findIndex((e) => e.id === marker.id), 1);
        },
        close: () => ch.close().catch(() => undefined),
      };
    },
    async publishRaw(routingKey, body, opts = {}) {
      const { content, options } =
        typeof body === 'string' ? { content: Buffer.from(body), options: { persistent: true } } : envelopeToAmqp(body);
      options.headers = { ...(options.headers ?? {}), ...(opts.headers ?? {}) };
      channel.publish(opts.queue ? '' : exchangeName(namespace), opts.queue ?? routingKey, content, options);
      await channel.waitForConfirms();
    },
    async appliedCount(messageId, handler) {
      const rows: Array<{ n: string }> = await dataSource.query(
        `SELECT count(*) AS n FROM applied WHERE message_id = $1 AND ($2::text IS NULL OR handler = $2)`,
        [messageId, handler ?? null],
      );
      return Number(rows[0].n);
    },
    async stopAll() {
      for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined);
    },
    async close() {
      for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined);
      await amqp.close().catch(() => undefined);
      const cleanup = await connect(AMQP_URL);
      await deleteTopology(cleanup, namespace, [...queues]);
      await cleanup.close();
      await dataSource.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/** A valid payload of orderPlaced. */
export function orderPayload(amount = 100): { orderId: string; amount: number } {
  return { orderId: crypto.randomUUID(), amount };
}

/** A complete envelope, for publishing without going through an outbox. */
export function envelopeOf(type: string, payload: unknown, overrides: Partial<MessageEnvelope> = {}): MessageEnvelope {
  return {
    id: crypto.randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'test',
    correlationId: `corr-${randomBytes(4).toString('hex')}`,
    causationId: null,
    aggregateId: 'agg-1',
    aggregateVersion: 1,
    payload,
    ...overrides,
  };
}

/** Deletes the queues and the exchange a spec declared: durable quorum queues would outlive it otherwise. */
export async function deleteTopology(amqp: ChannelModel, namespace: string, queues: string[]): Promise<void> {
  const ch = await amqp.createChannel();
  ch.on('error', () => undefined);
  for (const q of queues) await ch.deleteQueue(q).catch(() => undefined);
  await ch.deleteExchange(exchangeName(namespace)).catch(() => undefined);
  await ch.close().catch(() => undefined);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${PG_URL}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
