import type { MessageEnvelope } from '@roastery/contracts';
import { currentContext } from '@roastery/observability';
import {
  captureLogger,
  createTestEnv,
  envelopeOf,
  orderCancelled,
  orderPayload,
  orderPlaced,
  waitFor,
  type TestEnv,
} from '../test/support';
import type { MessageBus } from './message-bus';
import type { OutboxPublisher } from './outbox-publisher';

describe('MessageBus (idempotent consumer)', () => {
  let env: TestEnv;
  let serial = 0;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterEach(() => env.stopAll());
  afterAll(() => env.close());

  /** A bus of its own per test, so queues and inbox handler names never mix. */
  function newService(): string {
    serial += 1;
    return `svc${serial}`;
  }
  const record = (em: { query: (sql: string, p: unknown[]) => Promise<unknown> }, handler: string, id: string): Promise<unknown> =>
    em.query('INSERT INTO applied (handler, message_id) VALUES ($1, $2)', [handler, id]);

  const collectDeadLetters = (bus: MessageBus): ReturnType<TestEnv['deadLetters']> => env.deadLetters([bus.queues().dlq]);

  it('hands the handler the payload without unknown fields, inside the message context', async () => {
    const seen: Array<{ payload: unknown; correlationId?: string; causationId?: string | null }> = [];
    const bus = env.bus(newService());
    bus.on(orderPlaced, 'record-order', async ({ payload, envelope, em }) => {
      const ctx = currentContext();
      seen.push({ payload, correlationId: ctx?.correlationId, causationId: ctx?.causationId });
      await record(em, 'record-order', envelope.id);
    });
    await bus.start();
    const payload = orderPayload();
    const envelope = envelopeOf(orderPlaced.type, { ...payload, couponCode: 'added-by-a-newer-producer' });
    await env.publishRaw(orderPlaced.type, envelope);

    await waitFor('the handler to apply the message', async () => (await env.appliedCount(envelope.id)) === 1);
    expect(seen).toEqual([{ payload, correlationId: envelope.correlationId, causationId: envelope.id }]);
    await bus.stop();
  });

  it('stamps events written by a handler with the message as their cause', async () => {
    const bus = env.bus(newService());
    bus.on(orderPlaced, 'announce', async ({ payload, em }) => {
      await env.outbox('svc').add(em, orderCancelled, { aggregateId: payload.orderId, aggregateVersion: 2, payload: { orderId: payload.orderId } });
    });
    await bus.start();
    const incoming = envelopeOf(orderPlaced.type, orderPayload());
    await env.publishRaw(orderPlaced.type, incoming);

    let caused: MessageEnvelope | undefined;
    await waitFor('the caused event in the outbox', async () => {
      const rows: Array<{ envelope: MessageEnvelope }> = await env.dataSource.query(`SELECT envelope FROM outbox WHERE envelope->>'causationId' = $1`, [incoming.id]);
      caused = rows[0]?.envelope;
      return caused !== undefined;
    });
    expect(caused).toMatchObject({ type: orderCancelled.type, correlationId: incoming.correlationId, causationId: incoming.id });
    await bus.stop();
  });

  it('treats a redelivered message as a no-op, also when the copies arrive together', async () => {
    const log = captureLogger();
    let calls = 0;
    const bus = env.bus(newService(), { logger: log.logger });
    bus.on(orderPlaced, 'record-order', async ({ envelope, em }) => {
      calls += 1;
      await record(em, 'record-order', envelope.id);
    });
    await bus.start();
    const envelope = envelopeOf(orderPlaced.type, orderPayload());
    for (let i = 0; i < 5; i++) await env.publishRaw(orderPlaced.type, envelope);

    await waitFor('all five deliveries settled', () => log.count('message handled', { messageId: envelope.id }) === 5);
    expect(log.count('message handled', { status: 'applied' })).toBe(1);
    expect(log.count('message handled', { status: 'duplicate' })).toBe(4);
    expect(calls).toBe(1);
    expect(await env.appliedCount(envelope.id)).toBe(1);
    await bus.stop();
  });

  it('dead-letters an invalid payload at once, with the reason, without calling the handler', async () => {
    let calls = 0;
    const bus = env.bus(newService());
    bus.on(orderPlaced, 'record-order', () => void (calls += 1));
    await bus.start();
    const { letters, collector } = await collectDeadLetters(bus);
    const envelope = envelopeOf(orderPlaced.type, { orderId: 'not-a-uuid', amount: 5 });
    await env.publishRaw(orderPlaced.type, envelope);
    await env.publishRaw(orderPlaced.type, '{ not json', { headers: {} });

    await waitFor('two dead letters', () => letters.length === 2);
    const invalid = letters.find((l) => l.envelope?.id === envelope.id)!;
    expect(invalid).toMatchObject({ originalQueue: bus.queues().queue, attempt: 1, handler: '' });
    expect(invalid.reason).toMatch(/invalid test\.order\.placed payload.*orderId/s);
    expect(new Date(invalid.failedAt).getTime()).not.toBeNaN();
    const garbage = letters.find((l) => l.envelope === null)!;
    expect(garbage).toMatchObject({ body: '{ not json', reason: 'body is not JSON' });
    expect(calls).toBe(0);
    await collector.stop();
    await bus.stop();
  });

  it('retries a failing handler through the retry queues, then dead-letters it after the last attempt', async () => {
    let calls = 0;
    const bus = env.bus(newService(), { maxAttempts: 3, retryBaseMs: 10 });
    bus.on(orderPlaced, 'always-fails', () => {
      calls += 1;
      throw new Error(`warehouse offline (call ${calls})`);
    });
    await bus.start();
    const { letters, collector } = await collectDeadLetters(bus);
    const envelope = envelopeOf(orderPlaced.type, orderPayload());
    await env.publishRaw(orderPlaced.type, envelope);

    await waitFor('the dead letter', () => letters.length === 1);
    expect(calls).toBe(3);
    expect(letters[0]).toMatchObject({
      envelope,
      reason: 'warehouse offline (call 3)',
      handler: 'always-fails',
      originalQueue: bus.queues().queue,
      attempt: 3,
    });
    expect(letters[0].headers).toMatchObject({ 'x-death-reason': 'warehouse offline (call 3)', 'x-handler': 'always-fails' });
    expect(letters[0].headers['x-death']).toBeUndefined();
    await collector.stop();
    await bus.stop();
  });

  it('applies a message once after a transient failure, rolling back what the failed attempt wrote', async () => {
    let calls = 0;
    const bus = env.bus(newService(), { retryBaseMs: 10 });
    bus.on(orderPlaced, 'flaky', async ({ envelope, em }) => {
      calls += 1;
      await record(em, 'flaky', envelope.id);
      if (calls === 1) throw new Error('deadlock, try again');
    });
    await bus.start();
    const envelope = envelopeOf(orderPlaced.type, orderPayload());
    await env.publishRaw(orderPlaced.type, envelope);

    await waitFor('the second attempt to apply it', () => calls === 2);
    await waitFor('its commit', async () => (await env.appliedCount(envelope.id)) === 1);
    await bus.stop();
    expect(await env.appliedCount(envelope.id)).toBe(1);
  });

  it('runs each handler of a type under its own inbox row, retrying only the one that failed', async () => {
    const calls = { a: 0, b: 0 };
    const bus = env.bus(newService(), { retryBaseMs: 10 });
    bus.on(orderPlaced, 'handler-a', async ({ envelope, em }) => {
      calls.a += 1;
      await record(em, 'handler-a', envelope.id);
    });
    bus.on(orderPlaced, 'handler-b', async ({ envelope, em }) => {
      calls.b += 1;
      if (calls.b === 1) throw new Error('b failed once');
      await record(em, 'handler-b', envelope.id);
    });
    expect(() => bus.on(orderPlaced, 'handler-a', () => undefined)).toThrow(/already registered/);
    await bus.start();
    const envelope = envelopeOf(orderPlaced.type, orderPayload());
    await env.publishRaw(orderPlaced.type, envelope);

    await waitFor('handler b to succeed', async () => (await env.appliedCount(envelope.id, 'handler-b')) === 1);
    expect(calls).toEqual({ a: 1, b: 2 });
    expect(await env.appliedCount(envelope.id, 'handler-a')).toBe(1);
    const inbox = await env.dataSource.query('SELECT handler FROM inbox WHERE message_id = $1 ORDER BY handler', [envelope.id]);
    expect(inbox).toEqual([{ handler: 'handler-a' }, { handler: 'handler-b' }]);
    await bus.stop();
  });

  it('binds only the handled types and acks a type it has no handler for', async () => {
    const log = captureLogger();
    const bus = env.bus(newService(), { logger: log.logger, prefetch: 1 });
    bus.on(orderPlaced, 'record-order', ({ envelope, em }) => record(em, 'record-order', envelope.id).then(() => undefined));
    await bus.start();
    expect(bus.routingKeys()).toEqual([orderPlaced.type]);
    const notBound = envelopeOf(orderCancelled.type, { orderId: crypto.randomUUID() });
    const direct = envelopeOf(orderCancelled.type, { orderId: crypto.randomUUID() });
    const handled = envelopeOf(orderPlaced.type, orderPayload());
    await env.publishRaw(orderCancelled.type, notBound);
    await env.publishRaw('ignored', direct, { queue: bus.queues().queue });
    await env.publishRaw(orderPlaced.type, handled);

    // prefetch 1 and a FIFO queue: once the last message is applied, the earlier ones were settled.
    await waitFor('the handled message', async () => (await env.appliedCount(handled.id)) === 1);
    expect(log.lines.filter((l) => l['msg'] === 'no handler for message type; acking').map((l) => l['messageId'])).toEqual([direct.id]);
    await bus.stop();
  });

  it('applies once an event the relay published twice (crash between publish and marking)', async () => {
    const log = captureLogger();
    const bus = env.bus(newService(), { logger: log.logger });
    bus.on(orderPlaced, 'record-order', ({ envelope, em }) => record(em, 'record-order', envelope.id).then(() => undefined));
    await bus.start();
    // Earlier tests leave rows behind; the one injected crash must hit this test's row.
    await env.dataSource.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    let crashes = 1;
    const relay = await env.relay({
      pollIntervalMs: 50,
      publisher: (real): OutboxPublisher => ({
        async publish(records) {
          await real.publish(records);
          if (crashes-- > 0) throw new Error('killed before marking');
        },
      }),
    });
    await relay.start();
    const payload = orderPayload();
    const envelope = await env.dataSource.transaction((em) =>
      env.outbox().add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload }),
    );

    await waitFor('both copies settled', () => log.count('message handled', { messageId: envelope.id }) === 2);
    expect(log.count('message handled', { messageId: envelope.id, status: 'duplicate' })).toBe(1);
    expect(await env.appliedCount(envelope.id)).toBe(1);
    await relay.stop();
    await bus.stop();
  });

  it('replays a dead letter unchanged to its queue, where it reaches the handler once', async () => {
    let broken = true;
    const bus = env.bus(newService(), { maxAttempts: 2, retryBaseMs: 10 });
    bus.on(orderPlaced, 'record-order', async ({ envelope, em }) => {
      if (broken) throw new Error('bug in handler');
      await record(em, 'record-order', envelope.id);
    });
    await bus.start();
    const { letters, collector } = await collectDeadLetters(bus);
    const envelope = envelopeOf(orderPlaced.type, orderPayload());
    await env.publishRaw(orderPlaced.type, envelope);
    await waitFor('the dead letter', () => letters.length === 1);

    broken = false; // the fix is deployed
    await collector.replay({ originalQueue: letters[0].originalQueue, envelope: letters[0].envelope! });
    await waitFor('the replayed message applied', async () => (await env.appliedCount(envelope.id)) === 1);
    await collector.replay({ originalQueue: letters[0].originalQueue, envelope: letters[0].envelope! });
    await expect(collector.replay({ originalQueue: `${env.namespace}.nobody.events`, envelope })).rejects.toThrow(/NOT_FOUND/);
    // A second replay is absorbed by the inbox; the collector staying empty shows it was not dead-lettered again.
    await waitFor('the inbox row', async () => (await env.dataSource.query('SELECT 1 FROM inbox WHERE message_id = $1', [envelope.id])).length === 1);
    expect(await env.appliedCount(envelope.id)).toBe(1);
    expect(letters).toHaveLength(1);
    await collector.stop();
    await bus.stop();
  });
});
