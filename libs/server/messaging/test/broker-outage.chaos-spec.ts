import type { MessageEnvelope } from '@roastery/contracts';
import { startBroker, stopBroker } from '@roastery/testing';
import { captureLogger, createTestEnv, orderPayload, orderPlaced, waitFor, type TestEnv } from './support';

describe('a RabbitMQ outage', () => {
  let env: TestEnv;
  let releaseHeld = (): void => undefined;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    // Whatever happened above, leave a running broker for the next suite.
    releaseHeld();
    await startBroker();
    await env.stopAll();
    await env.close();
  });

  const produce = async (n: number): Promise<MessageEnvelope[]> => {
    const out: MessageEnvelope[] = [];
    for (let i = 0; i < n; i++) {
      const payload = orderPayload(i + 1);
      out.push(
        await env.dataSource.transaction((em) => env.outbox().add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload })),
      );
    }
    return out;
  };
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await env.dataSource.query(sql, params))[0].n);
  const unpublished = (): Promise<number> => count('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');

  it('loses nothing: the outbox waits, drains when the broker is back, and every event is applied exactly once', async () => {
    // Handlers of the first events are held open until the connection is gone, so they commit
    // but cannot ack: the broker must redeliver them and the inbox must absorb the copies.
    const held = new Promise<void>((r) => (releaseHeld = r));
    const heldIds = new Set<string>();
    const log = captureLogger();
    const bus = env.bus('chaos', { reconnectMaxDelayMs: 500, logger: log.logger });
    bus.on(orderPlaced, 'record-order', async ({ envelope, em }) => {
      await em.query('INSERT INTO applied (handler, message_id) VALUES ($1, $2)', ['record-order', envelope.id]);
      if (heldIds.size < 10 && !heldIds.has(envelope.id)) {
        heldIds.add(envelope.id);
        await held;
      }
    });
    await bus.start();
    const relay = await env.relay({ pollIntervalMs: 200 });
    await relay.start();

    const produced = await produce(10);
    await waitFor('the first handlers to hold', () => heldIds.size === 10);
    try {
      // Events keep coming while the broker goes away and while it is away.
      const stopping = stopBroker();
      produced.push(...(await produce(20)));
      await stopping;
      await waitFor('the consumer to notice', () => !bus.isConnected());
      releaseHeld();
      produced.push(...(await produce(20)));
      expect(await unpublished()).toBeGreaterThanOrEqual(20);
    } finally {
      releaseHeld();
      await startBroker();
    }

    await waitFor('the consumer to reconnect', () => bus.isConnected(), 60_000);
    await waitFor('the outbox to drain', async () => (await unpublished()) === 0, 60_000);
    const ids = produced.map((e) => e.id);
    await waitFor(
      'every event applied',
      async () => (await count('SELECT count(DISTINCT message_id) AS n FROM applied WHERE message_id = ANY($1::uuid[])', [ids])) === ids.length,
      60_000,
    );
    await waitFor('the held deliveries redelivered', () => [...heldIds].every((id) => log.count('message handled', { messageId: id, status: 'duplicate' }) >= 1));
    expect(await count('SELECT count(*) AS n FROM applied')).toBe(ids.length);
    expect(await count('SELECT count(*) AS n FROM inbox')).toBe(ids.length);
  });
});
