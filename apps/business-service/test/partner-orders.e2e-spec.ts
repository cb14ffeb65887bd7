import { type orderPaid, orderVoided, type PartnerOrderDto, type PayloadOf } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, type TestApp } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';
import { type Option, paidBatch, partnerSetup, type PartnerUser } from './support/partners';

type Paid = PayloadOf<typeof orderPaid>;

const shipTo = { recipient: '김민지', phone: '01098765432', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' };

describe('business-service partner orders: order.paid commits and routes, order.voided releases (HTTP + RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business-porders', withIssuer: true });
  });
  afterAll(() => t.close());

  const { publish, handled, partner, onSale, reserve } = partnerSetup(() => t);
  const counters = async (optionId: string) => {
    const [row] = await t.db.query('SELECT stock, held FROM product_options WHERE id = $1', [optionId]);
    return { stock: row.stock as number, held: row.held as number };
  };
  const list = (p: PartnerUser, query = '') => t.http.get<{ items: PartnerOrderDto[]; page: number; size: number; total: number }>(`/partner/orders${query}`, { token: p.token });

  /** Reserves one order with these lines and returns its order id and line ids. */
  async function reserved(lines: Array<{ option: Option; quantity: number }>): Promise<{ orderId: string; lineIds: string[] }> {
    const { orderId, lineIds, answer } = await reserve(lines);
    expect(answer.payload).toMatchObject({ results: [{ orderId, outcome: 'RESERVED' }] });
    return { orderId, lineIds };
  }

  const paidEvent = (orderId: string, lines: Array<{ option: Option; quantity: number; lineId?: string; names?: boolean }>, extra: Partial<Paid> = {}) =>
    paidBatch(
      {
        orderId,
        userId: randomUUID(),
        subscriptionId: randomUUID(),
        lines: lines.map((l) => ({
          lineId: l.lineId,
          catalogItemId: randomUUID(),
          productId: l.option.productId,
          optionId: l.option.id,
          partnerId: l.option.partnerId,
          ...(l.names !== false && { productName: 'Colombia Huila', optionLabel: '500 g · Filter' }),
          quantity: l.quantity,
          unitPriceWon: 31_000,
        })),
        shippingFees: [...new Set(lines.map((l) => l.option.partnerId))].map((partnerId, i) => ({ partnerId, feeWon: i === 0 ? 3_000 : 0 })),
        totalWon: 0,
        shipTo,
        paidAt: new Date().toISOString(),
        ...extra,
      },
      { aggregateId: orderId },
    );

  it('commits the reservation on order.paid and routes one partner order per partner, visible only to that partner; repeats change nothing', async () => {
    const [p1, p2, stranger] = [await partner(), await partner(), await partner()];
    const [a, b] = [await onSale(p1, 10), await onSale(p2, 5)];
    const { orderId, lineIds } = await reserved([
      { option: a, quantity: 2 },
      { option: b, quantity: 1 },
    ]);
    expect(await counters(a.id)).toEqual({ stock: 10, held: 2 });

    const paid = paidEvent(orderId, [
      { option: a, quantity: 2, lineId: lineIds[0] },
      { option: b, quantity: 1, lineId: lineIds[1], names: false },
    ]);
    await publish(paid);
    await handled(paid.id);
    expect(await counters(a.id)).toEqual({ stock: 8, held: 0 });
    expect(await counters(b.id)).toEqual({ stock: 4, held: 0 });

    const mine = await list(p1);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ page: 1, size: 20, total: 1 });
    const [routed] = mine.body.items;
    expect(routed).toMatchObject({
      orderId,
      partnerId: p1.partnerId,
      status: 'PAID',
      itemsTotalWon: 62_000,
      shippingFeeWon: 3_000,
      totalWon: 65_000,
      shipTo,
      stockReserved: true,
      lines: [{ lineId: lineIds[0], optionId: a.id, productName: 'Colombia Huila', optionLabel: '500 g · Filter', quantity: 2, unitPriceWon: 31_000, amountWon: 62_000 }],
    });
    // The second partner gets its own part; names missing from the event come from the product.
    const theirs = await list(p2);
    expect(theirs.body.items).toEqual([expect.objectContaining({ orderId, shippingFeeWon: 0, lines: [expect.objectContaining({ optionId: b.id, productName: 'Colombia Huila', optionLabel: '500 g · Filter grind' })] })]);

    // Readable by its id or by the order id; another partner sees nothing.
    expect((await t.http.get<PartnerOrderDto>(`/partner/orders/${routed.id}`, { token: p1.token })).body).toEqual(routed);
    expect((await t.http.get<PartnerOrderDto>(`/partner/orders/${orderId}`, { token: p1.token })).body.id).toBe(routed.id);
    expect((await list(stranger)).body).toMatchObject({ total: 0, items: [] });
    for (const id of [routed.id, orderId, 'not-a-uuid']) {
      const res = await t.http.get(`/partner/orders/${id}`, { token: stranger.token });
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await t.http.get('/partner/orders', { token: await t.issuer!.token({ userId: randomUUID(), roles: ['PARTNER'], partnerIds: [p1.partnerId] }) })).status).toBe(403);

    // Redelivered, and re-sent under a new message id: still one partner order each, stock untouched.
    await publish(paid);
    const copy = { ...paid, id: randomUUID() };
    await publish(copy);
    await handled(copy.id);
    expect(await counters(a.id)).toEqual({ stock: 8, held: 0 });
    expect(Number((await t.db.query('SELECT count(*) FROM partner_orders WHERE order_id = $1', [orderId]))[0].count)).toBe(2);
    expect(Number((await t.db.query('SELECT count(*) FROM partner_order_lines l JOIN partner_orders o ON o.id = l.partner_order_id WHERE o.order_id = $1', [orderId]))[0].count)).toBe(2);

    // A void after payment releases nothing.
    const late = buildEnvelope(orderVoided, { orderId, reason: 'CANCELLED', voidedAt: new Date().toISOString() });
    await publish(late);
    await handled(late.id);
    expect(await counters(a.id)).toEqual({ stock: 8, held: 0 });
  });

  it('releases on order.voided (idempotently), and still records an order paid without a held reservation', async () => {
    const p = await partner();
    const a = await onSale(p, 3);
    const { orderId } = await reserved([{ option: a, quantity: 2 }]);
    const voided = buildEnvelope(orderVoided, { orderId, reason: 'PAYMENT_FAILED', voidedAt: new Date().toISOString() });
    const again = { ...voided, id: randomUUID() };
    await Promise.all([publish(voided), publish(again)]);
    await Promise.all([handled(voided.id), handled(again.id)]);
    expect(await counters(a.id)).toEqual({ stock: 3, held: 0 });

    // Paid anyway (the charge settled after the void), and an order never reserved at all: both are routed.
    const neverReserved = randomUUID();
    for (const e of [paidEvent(orderId, [{ option: a, quantity: 2 }]), paidEvent(neverReserved, [{ option: a, quantity: 5 }])]) {
      await publish(e);
      await handled(e.id);
    }
    const all = await list(p, '?status=PAID&size=10');
    expect(all.body).toMatchObject({ total: 2, size: 10 });
    expect(all.body.items.map((o) => [o.orderId, o.stockReserved]).sort()).toEqual([[orderId, false], [neverReserved, false]].sort());
    // Stock is taken as far as it goes, never below zero.
    expect(await counters(a.id)).toEqual({ stock: 0, held: 0 });
    expect((await list(p, '?status=SHIPPED')).body.total).toBe(0);
    expect((await list(p, '?status=LOST')).status).toBe(400);
    expect((await list(p, '?page=2&size=1')).body).toMatchObject({ page: 2, size: 1, total: 2, items: [expect.objectContaining({ status: 'PAID' })] });
  });
});
