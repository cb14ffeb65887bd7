import { envelopeSchema } from '@roastery/contracts';
import { runInContext } from '@roastery/observability';
import { createTestEnv, orderPayload, orderPlaced, type TestEnv } from '../test/support';
import { InvalidMessageError } from './errors';
import { OutboxMessage } from './outbox.entity';
import { uuidv7 } from '@roastery/persistence';

describe('Outbox.add', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  const outboxRows = (): Promise<OutboxMessage[]> => env.dataSource.getRepository(OutboxMessage).find();

  it('commits the event together with the business row and fills the envelope from the context', async () => {
    const payload = orderPayload();
    const envelope = await runInContext({ correlationId: 'corr-42', causationId: 'cause-7' }, () =>
      env.dataSource.transaction(async (em) => {
        await em.query('INSERT INTO orders (id, amount) VALUES ($1, $2)', [payload.orderId, payload.amount]);
        return env.outbox('order-service').add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload });
      }),
    );

    expect(envelopeSchema.parse(envelope)).toBeTruthy();
    expect(envelope).toMatchObject({
      type: 'test.order.placed',
      schemaVersion: 1,
      source: 'order-service',
      correlationId: 'corr-42',
      causationId: 'cause-7',
      aggregateId: payload.orderId,
      payload,
    });
    expect(envelope.id[14]).toBe('7');
    const row = await env.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: envelope.id });
    expect(row).toMatchObject({ type: 'test.order.placed', routingKey: 'test.order.placed', publishedAt: null, publishAttempts: 0, envelope });
  });

  it('starts a new correlation id and no causation outside any context', async () => {
    const payload = orderPayload();
    const envelope = await env.dataSource.transaction((em) =>
      env.outbox().add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 3, payload }),
    );
    expect(envelope.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(envelope.causationId).toBeNull();
  });

  it('leaves neither the business row nor the outbox row when the transaction rolls back', async () => {
    const before = (await outboxRows()).length;
    const payload = orderPayload();
    await expect(
      env.dataSource.transaction(async (em) => {
        await em.query('INSERT INTO orders (id, amount) VALUES ($1, $2)', [payload.orderId, payload.amount]);
        await env.outbox().add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload });
        throw new Error('use case failed after announcing');
      }),
    ).rejects.toThrow('use case failed');
    expect(await outboxRows()).toHaveLength(before);
    expect(await env.dataSource.query('SELECT 1 FROM orders WHERE id = $1', [payload.orderId])).toHaveLength(0);
  });

  it('refuses a payload that breaks the contract and writes nothing', async () => {
    const before = (await outboxRows()).length;
    await expect(
      env.dataSource.transaction((em) =>
        env.outbox().add(em, orderPlaced, { aggregateId: 'a', aggregateVersion: 1, payload: { orderId: 'not-a-uuid', amount: -1 } }),
      ),
    ).rejects.toBeInstanceOf(InvalidMessageError);
    expect(await outboxRows()).toHaveLength(before);
  });

  it('refuses an envelope without an aggregate id', async () => {
    await expect(
      env.dataSource.transaction((em) => env.outbox().add(em, orderPlaced, { aggregateId: '', aggregateVersion: 1, payload: orderPayload() })),
    ).rejects.toBeInstanceOf(InvalidMessageError);
  });

  it('refuses an EntityManager outside a transaction', async () => {
    await expect(
      env.outbox().add(env.dataSource.manager, orderPlaced, { aggregateId: 'a', aggregateVersion: 1, payload: orderPayload() }),
    ).rejects.toThrow(/open transaction/);
  });

  it('addMany writes one row per event, each like add() would, and rolls back with the transaction', async () => {
    const payloads = [orderPayload(), orderPayload(), orderPayload()];
    const envelopes = await runInContext({ correlationId: 'corr-many', causationId: null }, () =>
      env.dataSource.transaction((em) =>
        env.outbox('order-service').addMany(em, orderPlaced, payloads.map((payload, i) => ({ aggregateId: payload.orderId, aggregateVersion: i + 1, payload }))),
      ),
    );
    expect(envelopes).toHaveLength(3);
    for (const [i, envelope] of envelopes.entries()) {
      expect(envelopeSchema.parse(envelope)).toBeTruthy();
      expect(envelope).toMatchObject({ type: 'test.order.placed', source: 'order-service', correlationId: 'corr-many', aggregateVersion: i + 1, payload: payloads[i] });
      const row = await env.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: envelope.id });
      expect(row).toMatchObject({ type: 'test.order.placed', routingKey: 'test.order.placed', publishedAt: null, publishAttempts: 0, envelope });
    }

    const before = (await outboxRows()).length;
    await expect(
      env.dataSource.transaction(async (em) => {
        await env.outbox().addMany(em, orderPlaced, [{ aggregateId: 'x', aggregateVersion: 1, payload: orderPayload() }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // One bad payload refuses the whole call before anything is written.
    await expect(
      env.dataSource.transaction((em) =>
        env.outbox().addMany(em, orderPlaced, [
          { aggregateId: 'a', aggregateVersion: 1, payload: orderPayload() },
          { aggregateId: 'b', aggregateVersion: 1, payload: { orderId: 'not-a-uuid', amount: -1 } },
        ]),
      ),
    ).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(env.outbox().addMany(env.dataSource.manager, orderPlaced, [])).rejects.toThrow(/open transaction/);
    expect(await outboxRows()).toHaveLength(before);
  });

  it('keeps the entities in step with the migration', async () => {
    const sql = await env.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('uuidv7', () => {
  it('makes time-ordered version 7 ids the envelope schema accepts', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelopeSchema.shape.id.safeParse(uuidv7()).success).toBe(true);
  });
});
