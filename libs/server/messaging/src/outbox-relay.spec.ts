import type { MessageEnvelope } from '@roastery/contracts';
import { createTestEnv, orderPayload, orderPlaced, waitFor, type TestEnv } from '../test/support';
import type { OutboxPublisher } from './outbox-publisher';

describe('OutboxRelay', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterEach(() => env.stopAll());
  afterAll(() => env.close());

  const addOrders = (n: number): Promise<MessageEnvelope[]> =>
    env.dataSource.transaction(async (em) => {
      const out: MessageEnvelope[] = [];
      for (let i = 0; i < n; i++) {
        const payload = orderPayload(i + 1);
        out.push(await env.outbox().add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload }));
      }
      return out;
    });
  const unpublished = async (): Promise<number> =>
    Number((await env.dataSource.query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL'))[0].n);

  it('publishes committed rows when notified and marks them published', async () => {
    const tap = await env.tap();
    // A poll interval longer than the test means only the NOTIFY on commit can wake the relay.
    const relay = await env.relay({ pollIntervalMs: 600_000 });
    await relay.start();
    const [envelope] = await addOrders(1);

    await waitFor('the event on the exchange', () => tap.received.some((e) => e.id === envelope.id));
    expect(tap.received.find((e) => e.id === envelope.id)).toEqual(envelope);
    await waitFor('the row marked published', async () => (await unpublished()) === 0);
    const [row] = await env.dataSource.query('SELECT publish_attempts, last_error FROM outbox WHERE id = $1', [envelope.id]);
    expect(row).toEqual({ publish_attempts: 1, last_error: null });
    await relay.stop();
    await tap.close();
  });

  it('records the error and publishes again when the process dies between publish and marking', async () => {
    const tap = await env.tap();
    let crashes = 1;
    const relay = await env.relay({
      pollIntervalMs: 50,
      publisher: (real): OutboxPublisher => ({
        async publish(records) {
          await real.publish(records);
          if (crashes-- > 0) throw new Error('crashed after publish, before marking');
        },
      }),
    });
    const [envelope] = await addOrders(1);
    await relay.start();

    await waitFor('the row marked published', async () => (await unpublished()) === 0);
    expect(tap.received.filter((e) => e.id === envelope.id)).toHaveLength(2);
    const [row] = await env.dataSource.query('SELECT publish_attempts, last_error FROM outbox WHERE id = $1', [envelope.id]);
    expect(row).toEqual({ publish_attempts: 2, last_error: null });
    await relay.stop();
    await tap.close();
  });

  it('lets two relays drain 500 rows without publishing any row twice', async () => {
    const tap = await env.tap();
    const envelopes = await addOrders(500);
    const [a, b] = [await env.relay({ batchSize: 20, pollIntervalMs: 50 }), await env.relay({ batchSize: 20, pollIntervalMs: 50 })];
    await Promise.all([a.start(), b.start()]);

    const ids = new Set(envelopes.map((e) => e.id));
    await waitFor('all 500 delivered', () => tap.received.filter((e) => ids.has(e.id)).length >= 500);
    await waitFor('all rows marked', async () => (await unpublished()) === 0);
    await Promise.all([a.stop(), b.stop()]);
    await tap.flush();
    const delivered = tap.received.filter((e) => ids.has(e.id)).map((e) => e.id);
    expect(delivered).toHaveLength(500);
    expect(new Set(delivered).size).toBe(500);
    const [attempts] = await env.dataSource.query('SELECT max(publish_attempts) AS max FROM outbox WHERE id = ANY($1::uuid[])', [[...ids]]);
    expect(attempts.max).toBe(1);
    await tap.close();
  });

  it('leaves rows unpublished while the publisher fails', async () => {
    const relay = await env.relay({
      pollIntervalMs: 20,
      publisher: (): OutboxPublisher => ({
        publish: () => Promise.reject(new Error('broker down')),
      }),
    });
    const [envelope] = await addOrders(1);
    await relay.start();
    await waitFor('a failed attempt recorded', async () => {
      const [row] = await env.dataSource.query('SELECT publish_attempts FROM outbox WHERE id = $1', [envelope.id]);
      return row.publish_attempts >= 2;
    });
    await relay.stop();
    const [row] = await env.dataSource.query('SELECT published_at, last_error FROM outbox WHERE id = $1', [envelope.id]);
    expect(row).toEqual({ published_at: null, last_error: 'broker down' });
    await env.dataSource.query('DELETE FROM outbox WHERE id = $1', [envelope.id]);
  });
});
