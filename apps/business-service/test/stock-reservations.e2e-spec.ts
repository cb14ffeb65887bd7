import { orderBatchPlaced, orderVoided, type PartnerProductDto, type PayloadOf } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';
import { type Option, partnerSetup, type PartnerUser } from './support/partners';

type Batch = PayloadOf<typeof orderBatchPlaced>;
type Answer = { batchId: string; results: Array<{ orderId: string; outcome: 'RESERVED' | 'REFUSED'; reason?: string; lines?: Array<{ optionId: string; requested: number; available: number }> }> };

describe('business-service stock reservations of the order saga (RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business-stock', withIssuer: true });
  });
  afterAll(() => t.close());

  const { publish, handled, partner, approve } = partnerSetup(() => t);
  const counters = async (optionId: string) => {
    const [row] = await t.db.query('SELECT stock, held, stock - held AS available FROM product_options WHERE id = $1', [optionId]);
    return { stock: row.stock as number, held: row.held as number, available: row.available as number };
  };
  const answers = (batchId: string) => t.bus.received.filter((m) => m.type === 'stock.batch.reserved' && (m.payload as Answer).batchId === batchId);
  const answer = async (batchId: string, timeoutMs?: number) => (await t.bus.waitForMessage('stock.batch.reserved', (m) => (m.payload as Answer).batchId === batchId, timeoutMs)).payload as Answer;
  const stockEvents = (optionId: string) => t.bus.received.filter((m) => m.type === 'product.stock.changed' && m.aggregateId === optionId).map((m) => m.payload as { stock: number; stockVersion: number });
  const line = (o: Option, quantity: number) => ({ lineId: randomUUID(), partnerId: o.partnerId, productId: o.productId, optionId: o.id, quantity });
  const batchOf = (...orders: Array<Batch['orders'][number]['lines']>): Batch => ({ batchId: randomUUID(), orders: orders.map((lines) => ({ orderId: randomUUID(), lines })), placedAt: new Date().toISOString() });
  const placed = (b: Batch) => buildEnvelope(orderBatchPlaced, b, { aggregateId: b.batchId });

  /** A product on sale (drafted over HTTP, approved by admin-service's event) with options of these stocks. */
  async function onSale(p: PartnerUser, stocks: number[], approved = true): Promise<{ product: PartnerProductDto; options: Option[] }> {
    const res = await t.http.post<PartnerProductDto>(
      '/partner/products',
      {
        name: 'Kenya Kirinyaga AA',
        origin: { country: 'Kenya', region: 'Kirinyaga' },
        process: 'Washed',
        roastLevel: 'LIGHT',
        tastingNotes: ['blackcurrant'],
        description: 'Juicy.',
        imageUrls: ['https://images.example.com/aa.jpg'],
        options: stocks.map((stock, i) => ({ weightGrams: 200 + i * 100, grind: 'WHOLE_BEAN', priceWon: 20_000 + i * 1000, stock })),
      },
      { token: p.token },
    );
    expect(res.status).toBe(201);
    const product = res.body;
    if (approved) await approve(p, product.id);
    return { product, options: product.current.options.map((o) => ({ id: o.id, productId: product.id, partnerId: p.partnerId })) };
  }

  it('reserves a batch in one answer: orders wholly or not at all, refusals with their reason and lines; a redelivered or re-sent batch changes nothing', async () => {
    const p = await partner();
    const { options: [a, b] } = await onSale(p, [5, 2]);
    const { options: [draft] } = await onSale(p, [9], false);
    const batch = batchOf([line(a, 2), line(b, 1)], [line(a, 2), line(b, 2)], [line(a, 3)], [line(a, 1), { ...line(a, 1), optionId: randomUUID() }], [line(draft, 1)], [line(a, 1)]);
    const [o1, o2, o3, o4, o5, o6] = batch.orders.map((o) => o.orderId);
    const env = placed(batch);
    await publish(env);

    expect((await answer(batch.batchId)).results).toEqual([
      { orderId: o1, outcome: 'RESERVED' },
      { orderId: o2, outcome: 'REFUSED', reason: 'OUT_OF_STOCK', lines: [{ optionId: b.id, requested: 2, available: 1 }] },
      { orderId: o3, outcome: 'RESERVED' },
      { orderId: o4, outcome: 'REFUSED', reason: 'UNKNOWN_OPTION', lines: [{ optionId: batch.orders[3].lines[1].optionId, requested: 1, available: 0 }] },
      { orderId: o5, outcome: 'REFUSED', reason: 'PRODUCT_UNAVAILABLE', lines: [{ optionId: draft.id, requested: 1, available: 9 }] },
      { orderId: o6, outcome: 'REFUSED', reason: 'OUT_OF_STOCK', lines: [{ optionId: a.id, requested: 1, available: 0 }] },
    ]);
    expect(await counters(a.id)).toEqual({ stock: 5, held: 5, available: 0 });
    expect(await counters(b.id)).toEqual({ stock: 2, held: 1, available: 1 });
    // Refused orders hold nothing, not even their lines that had stock.
    const rows = await t.db.query(`SELECT order_id, status FROM stock_reservations WHERE order_id = ANY($1::uuid[]) ORDER BY order_id`, [[o1, o2, o3, o4, o5, o6]]);
    expect(rows.map((r: { order_id: string }) => r.order_id).sort()).toEqual([o1, o1, o3].sort());
    // Availability announced once per option per batch, for the catalog's SOLD_OUT / LOW.
    await waitFor(() => stockEvents(a.id).length === 2 && stockEvents(b.id).length === 2, 'stock events of the batch');
    expect(stockEvents(a.id).map((e) => [e.stockVersion, e.stock])).toEqual([[1, 5], [2, 0]]);
    expect(stockEvents(b.id).map((e) => [e.stockVersion, e.stock])).toEqual([[1, 2], [2, 1]]);

    // The same message again (inbox), and the same batch under a new message id (decisions table).
    await publish(env);
    const resent = { ...env, id: randomUUID() };
    await publish(resent);
    await handled(resent.id);
    await waitFor(() => answers(batch.batchId).length === 2, 'the re-sent batch answered');
    expect(answers(batch.batchId)[1].payload).toMatchObject({ results: (await answer(batch.batchId)).results });
    expect(await counters(a.id)).toEqual({ stock: 5, held: 5, available: 0 });
    expect(await counters(b.id)).toEqual({ stock: 2, held: 1, available: 1 });
    expect(Number((await t.db.query(`SELECT count(*) FROM stock_reservations WHERE order_id = ANY($1::uuid[])`, [[o1, o3]]))[0].count)).toBe(3);
    expect(stockEvents(a.id)).toHaveLength(2);
  });

  it('never oversells: 20 concurrent single-order batches for 7 units reserve exactly 7', async () => {
    const p = await partner();
    const { product, options: [a] } = await onSale(p, [7]);
    const batches = Array.from({ length: 20 }, () => batchOf([line(a, 1)]));
    await Promise.all(batches.map((b) => publish(placed(b))));
    const results = await Promise.all(batches.map(async (b) => (await answer(b.batchId, 20_000)).results[0]));
    expect(results.filter((r) => r.outcome === 'RESERVED')).toHaveLength(7);
    expect(results.filter((r) => r.outcome === 'REFUSED').every((r) => r.reason === 'OUT_OF_STOCK' && r.lines?.[0].available === 0)).toBe(true);
    expect(await counters(a.id)).toEqual({ stock: 7, held: 7, available: 0 });
    expect(Number((await t.db.query(`SELECT count(*) FROM stock_reservations WHERE option_id = $1 AND status = 'HELD'`, [a.id]))[0].count)).toBe(7);

    // The partner sees 7 on hand; stock cannot go below the 7 units held, and a restock announces what is available.
    expect((await t.http.get<PartnerProductDto>(`/partner/products/${product.id}`, { token: p.token })).body.current.options[0].stock).toBe(7);
    const below = await t.http.patch(`/partner/products/${product.id}/stock`, { optionId: a.id, stock: 3 }, { token: p.token });
    expect([below.status, below.body.code]).toEqual([409, 'CONFLICT']);
    expect(await counters(a.id)).toEqual({ stock: 7, held: 7, available: 0 });
    expect((await t.http.patch(`/partner/products/${product.id}/stock`, { optionId: a.id, stock: 10 }, { token: p.token })).status).toBe(200);
    await waitFor(() => stockEvents(a.id).some((e) => e.stock === 3), 'restock announced as 3 available');
    expect(await counters(a.id)).toEqual({ stock: 10, held: 7, available: 3 });
    await expect(t.db.query('UPDATE product_options SET held = 11 WHERE id = $1', [a.id])).rejects.toThrow(/check constraint/);
  });

  it('never deadlocks: concurrent multi-line orders naming the same two options in opposite order all finish', async () => {
    const p = await partner();
    const { options: [a, b] } = await onSale(p, [1000, 1000]);
    const deadlocks = async () => Number((await t.db.query('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()'))[0].deadlocks);
    const before = await deadlocks();
    const batches = Array.from({ length: 30 }, (_, i) =>
      batchOf(...Array.from({ length: 5 }, (_, j) => ((i + j) % 2 === 0 ? [line(a, 1), line(b, 2)] : [line(b, 1), line(a, 2)]))),
    );
    await Promise.all(batches.map((b) => publish(placed(b))));
    const results = (await Promise.all(batches.map((b) => answer(b.batchId, 20_000)))).flatMap((r) => r.results);
    expect(results).toHaveLength(150);
    expect(results.every((r) => r.outcome === 'RESERVED')).toBe(true);
    const heldA = await counters(a.id);
    const heldB = await counters(b.id);
    expect(heldA.held + heldB.held).toBe(150 * 3);
    expect(heldA.held).toBe(batches.flatMap((x) => x.orders).flatMap((o) => o.lines).filter((l) => l.optionId === a.id).reduce((s, l) => s + l.quantity, 0));
    // Statistics reach pg_stat_database within about a second.
    await new Promise((r) => setTimeout(r, 1200));
    expect(await deadlocks()).toBe(before);
  });

  it('decides a batch of 1000 two-line orders in one message, within the budget of hundreds of orders per second', async () => {
    const p = await partner();
    const { options } = await onSale(p, Array.from({ length: 10 }, () => 150));
    const batch = batchOf(...Array.from({ length: 1000 }, (_, i) => [line(options[i % 10], 1), line(options[(i * 3 + 1) % 10], 1)]));
    const started = Date.now();
    await publish(placed(batch));
    const { results } = await answer(batch.batchId, 20_000);
    const ms = Date.now() - started;
    expect(results).toHaveLength(1000);
    const reservedCount = results.filter((r) => r.outcome === 'RESERVED').length;
    const held = (await Promise.all(options.map((o) => counters(o.id)))).reduce((s, c) => s + c.held, 0);
    expect(held).toBe(reservedCount * 2);
    expect(held).toBeLessThanOrEqual(1500);
    // Published → decided → relayed → received, on the test machine; a figure, not a benchmark.
    process.stdout.write(`1000-order batch answered in ${ms} ms (${reservedCount} reserved)\n`);
    expect(ms).toBeLessThan(10_000);
  });

  it('releases a voided order once, and a void that overtakes its batch leaves nothing held', async () => {
    const p = await partner();
    const { options: [a] } = await onSale(p, [4]);
    const batch = batchOf([line(a, 3)]);
    const orderId = batch.orders[0].orderId;
    await publish(placed(batch));
    expect((await answer(batch.batchId)).results[0].outcome).toBe('RESERVED');
    expect(await counters(a.id)).toEqual({ stock: 4, held: 3, available: 1 });

    const voided = buildEnvelope(orderVoided, { orderId, reason: 'PAYMENT_FAILED', voidedAt: new Date().toISOString() }, { aggregateId: orderId });
    await publish(voided);
    await waitFor(async () => (await counters(a.id)).held === 0, 'reservation released');
    expect(await counters(a.id)).toEqual({ stock: 4, held: 0, available: 4 });
    await waitFor(() => stockEvents(a.id).some((e) => e.stock === 4 && e.stockVersion === 3), 'release announced');
    const again = { ...voided, id: randomUUID() };
    await Promise.all([publish(voided), publish(again)]);
    await handled(again.id);
    expect(await counters(a.id)).toEqual({ stock: 4, held: 0, available: 4 });
    expect((await t.db.query(`SELECT DISTINCT status FROM stock_reservations WHERE order_id = $1`, [orderId])).map((r: { status: string }) => r.status)).toEqual(['RELEASED']);

    // order.voided first, its batch after: the order holds nothing and is answered ORDER_VOIDED.
    const late = batchOf([line(a, 1)], [line(a, 1)]);
    const early = buildEnvelope(orderVoided, { orderId: late.orders[0].orderId, reason: 'CANCELLED', voidedAt: new Date().toISOString() });
    await publish(early);
    await handled(early.id);
    await publish(placed(late));
    expect((await answer(late.batchId)).results).toEqual([
      { orderId: late.orders[0].orderId, outcome: 'REFUSED', reason: 'ORDER_VOIDED', lines: [] },
      { orderId: late.orders[1].orderId, outcome: 'RESERVED' },
    ]);
    expect(await counters(a.id)).toEqual({ stock: 4, held: 1, available: 3 });
  });
});
