import {
  type BulkShipResultDto,
  type FulfilmentQueueDto,
  type MessageEnvelope,
  orderCancellationRequested,
  orderPurchaseConfirmed,
  orderReturnRequested,
  type PartnerOrderDto,
  refundCompleted,
  refundRefused,
  userDeleted,
} from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, type TestApp } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';
import { type Option, paidBatch, partnerSetup, type PartnerUser } from './support/partners';

interface Paid {
  orderId: string;
  userId: string;
  /** The partner order of each option's partner, in the order given. */
  parts: PartnerOrderDto[];
}

const shipTo = { recipient: '김민지', phone: '01098765432', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' };
const now = () => new Date().toISOString();

describe('business-service fulfilment: state machine, bulk ship, cancellation vs ship, returns, partner refunds (HTTP + RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business-fulfil', withIssuer: true });
  });
  afterAll(() => t.close());

  const { publish, handled, partner, onSale, reserve } = partnerSetup(() => t);
  const deliverAndWait = async (e: MessageEnvelope) => {
    await publish(e);
    await handled(e.id);
  };
  const stockOf = async (optionId: string) => (await t.db.query('SELECT stock FROM product_options WHERE id = $1', [optionId]))[0].stock as number;
  const row = async (id: string) => (await t.db.query('SELECT status, version, ship_to, carrier, tracking_number, confirmed_at FROM partner_orders WHERE id = $1', [id]))[0];
  const outboxCount = async (type: string) => Number((await t.db.query('SELECT count(*) FROM outbox WHERE type = $1', [type]))[0].count);
  const get = (p: PartnerUser, id: string) => t.http.get<PartnerOrderDto>(`/partner/orders/${id}`, { token: p.token });
  const post = <T = PartnerOrderDto & { code?: string }>(p: PartnerUser, path: string, body: unknown = {}, headers?: Record<string, string>) => t.http.post<T>(`/partner/orders${path}`, body, { token: p.token, headers });
  const statusEvent = (partnerOrderId: string, status: string) => t.bus.waitForMessage('fulfilment.status.changed', (m) => (m.payload as { partnerOrderId: string; status: string }).partnerOrderId === partnerOrderId && (m.payload as { status: string }).status === status);
  const decided = (requestId: string) => t.bus.waitForMessage('order.cancellation.decided', (m) => (m.payload as { requestId: string }).requestId === requestId, 15_000);

  /** Reserves and pays one order with these lines (unit price 31 000), as the order saga does; returns its partner orders. */
  async function paidOrder(owners: PartnerUser[], lines: Array<{ option: Option; quantity: number }>, paidAt = now()): Promise<Paid> {
    const userId = randomUUID();
    const { orderId, lineIds } = await reserve(lines);
    const paid = paidBatch(
      {
        orderId,
        userId,
        subscriptionId: null,
        lines: lines.map((l, i) => ({
          lineId: lineIds[i],
          catalogItemId: randomUUID(),
          productId: l.option.productId,
          optionId: l.option.id,
          partnerId: l.option.partnerId,
          productName: 'Colombia Huila',
          optionLabel: '500 g · Filter',
          quantity: l.quantity,
          unitPriceWon: 31_000,
        })),
        shippingFees: [],
        totalWon: lines.reduce((s, l) => s + l.quantity * 31_000, 0),
        shipTo,
        paidAt,
      },
      { aggregateId: orderId },
    );
    await deliverAndWait(paid);
    const parts = await Promise.all(owners.map(async (o) => (await get(o, orderId)).body));
    return { orderId, userId, parts };
  }

  const cancellation = (orderId: string, userId: string) => buildEnvelope(orderCancellationRequested, { orderId, requestId: randomUUID(), userId, reason: 'changed my mind', requestedAt: now() }, { aggregateId: orderId });
  const ship = (p: PartnerUser, id: string, trackingNumber = '601234567890') => post(p, `/${id}/ship`, { carrier: 'CJ대한통운', trackingNumber });

  it('prepare → ship → deliver, each a new version announced on the bus; validation, 404 for another partner, 409 with nothing changed', async () => {
    const [p, stranger] = [await partner(), await partner()];
    const a = await onSale(p, 10);
    const {
      parts: [po],
    } = await paidOrder([p], [{ option: a, quantity: 2 }]);
    expect(po).toMatchObject({ status: 'PAID', version: 1, carrier: null, trackingNumber: null, refunds: [], refundableWon: 62_000 });

    // Someone else's order, by either id, and a malformed one: 404, nothing changed.
    for (const id of [po.id, po.orderId]) expect((await post(stranger, `/${id}/prepare`)).status).toBe(404);
    expect((await post(stranger, '/not-a-uuid/prepare')).status).toBe(404);

    // Refused transitions from PAID: 409 INVALID_STATE, no version bump, no event.
    const before = await outboxCount('fulfilment.status.changed');
    for (const action of ['deliver', 'returned']) {
      const res = await post(p, `/${po.id}/${action}`);
      expect([res.status, res.body.code]).toEqual([409, 'INVALID_STATE']);
    }
    expect(await row(po.id)).toMatchObject({ status: 'PAID', version: 1 });
    expect(await outboxCount('fulfilment.status.changed')).toBe(before);

    const prepared = await post(p, `/${po.id}/prepare`);
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ status: 'PREPARING', version: 2 });
    expect((await statusEvent(po.id, 'PREPARING')).payload).toMatchObject({ orderId: po.orderId, partnerId: p.partnerId, version: 2, carrier: null, trackingNumber: null });
    expect((await post(p, `/${po.id}/prepare`)).status).toBe(409);

    // Bad shipment details: 400, nothing changed.
    for (const body of [{ carrier: 'CJ대한통운', trackingNumber: '1234' }, { carrier: '', trackingNumber: '601234567890' }, { carrier: 'x'.repeat(41), trackingNumber: '601234567890' }, { carrier: 'CJ' }]) {
      expect((await post(p, `/${po.id}/ship`, body)).status).toBe(400);
    }
    const shipped = await post(p, `/${po.id}/ship`, { carrier: ' 우리동네 택배 ', trackingNumber: '6012-3456-7890' });
    expect(shipped.body).toMatchObject({ status: 'SHIPPED', version: 3, carrier: '우리동네 택배', trackingNumber: '601234567890' });
    expect((await statusEvent(po.id, 'SHIPPED')).payload).toMatchObject({ version: 3, carrier: '우리동네 택배', trackingNumber: '601234567890' });
    for (const action of ['prepare', 'ship', 'returned']) expect((await post(p, `/${po.id}/${action}`, { carrier: 'CJ', trackingNumber: '99999999' })).status).toBe(409);
    expect(await row(po.id)).toMatchObject({ status: 'SHIPPED', version: 3, tracking_number: '601234567890' });

    // Idempotency-Key: a retried deliver replays the first answer instead of 409.
    const first = await post(p, `/${po.id}/deliver`, {}, { 'Idempotency-Key': `deliver-${po.id}` });
    const again = await post(p, `/${po.id}/deliver`, {}, { 'Idempotency-Key': `deliver-${po.id}` });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 200, 'true']);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ status: 'DELIVERED', version: 4 });
    await statusEvent(po.id, 'DELIVERED');
    expect((await post(p, `/${po.id}/deliver`)).status).toBe(409);
    expect((await get(p, po.id)).body).toMatchObject({ status: 'DELIVERED', version: 4, deliveredAt: expect.any(String), shippedAt: expect.any(String), preparedAt: expect.any(String) });
  });

  it('bulk ship: per-item results (shipped, INVALID_STATE, NOT_FOUND); malformed items or duplicates refuse the whole request', async () => {
    const [p, stranger] = [await partner(), await partner()];
    const [a, s] = [await onSale(p, 50), await onSale(stranger, 5)];
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push((await paidOrder([p], [{ option: a, quantity: 1 }])).parts[0]);
    const cancelled = await paidOrder([p], [{ option: a, quantity: 1 }]);
    const req = cancellation(cancelled.orderId, cancelled.userId);
    await deliverAndWait(req);
    const theirs = (await paidOrder([stranger], [{ option: s, quantity: 1 }])).parts[0];

    const item = (orderId: string, n: number) => ({ orderId, carrier: 'CJ대한통운', trackingNumber: `5000000000${n}` });
    expect((await post(p, '/ship', { items: [item(orders[0].id, 1), { ...item(orders[1].id, 2), trackingNumber: 'short' }] })).status).toBe(400);
    expect((await post(p, '/ship', { items: [item(orders[0].id, 1), item(orders[0].id, 2)] })).status).toBe(400);
    expect((await post(p, '/ship', { items: [] })).status).toBe(400);
    expect((await post(p, '/ship', { items: Array.from({ length: 201 }, () => item(randomUUID(), 1)) })).status).toBe(400);
    expect((await get(p, orders[0].id)).body.status).toBe('PAID');

    // The second order is named by user-service's order id.
    const res = await post<BulkShipResultDto>(p, '/ship', { items: [item(orders[0].id, 1), item(orders[1].orderId, 2), item(cancelled.parts[0].id, 3), item(theirs.id, 4), item(orders[2].id, 5)] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      shipped: 3,
      failed: 2,
      results: [
        { orderId: orders[0].id, outcome: 'SHIPPED', order: { id: orders[0].id, status: 'SHIPPED', trackingNumber: '50000000001', version: 2 } },
        { orderId: orders[1].orderId, outcome: 'SHIPPED', order: { id: orders[1].id, status: 'SHIPPED', trackingNumber: '50000000002' } },
        { orderId: cancelled.parts[0].id, outcome: 'FAILED', code: 'INVALID_STATE', message: 'a CANCELLED order cannot be shipped' },
        { orderId: theirs.id, outcome: 'FAILED', code: 'NOT_FOUND' },
        { orderId: orders[2].id, outcome: 'SHIPPED' },
      ],
    });
    for (const o of orders) await statusEvent(o.id, 'SHIPPED');
    expect((await get(stranger, theirs.id)).body).toMatchObject({ status: 'PAID', version: 1 });
    expect(await row(cancelled.parts[0].id)).toMatchObject({ status: 'CANCELLED', tracking_number: null });
  });

  it('cancellation request: all parts CANCELLED, units back on hand, decided CANCELLED; after a ship REFUSED; redelivery changes nothing', async () => {
    const [p1, p2] = [await partner(), await partner()];
    const [a, b] = [await onSale(p1, 10), await onSale(p2, 10)];
    const order = await paidOrder(
      [p1, p2],
      [
        { option: a, quantity: 3 },
        { option: b, quantity: 2 },
      ],
    );
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([7, 8]);
    await post(p1, `/${order.parts[0].id}/prepare`);

    const req = cancellation(order.orderId, order.userId);
    await deliverAndWait(req);
    expect((await decided(req.payload.requestId)).payload).toMatchObject({ orderId: order.orderId, outcome: 'CANCELLED', reason: null });
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([10, 10]);
    expect(await row(order.parts[0].id)).toMatchObject({ status: 'CANCELLED', version: 3 });
    expect(await row(order.parts[1].id)).toMatchObject({ status: 'CANCELLED', version: 2 });
    await statusEvent(order.parts[1].id, 'CANCELLED');
    // Availability is announced as the stock code does.
    await t.bus.waitForMessage('product.stock.changed', (m) => (m.payload as { optionId: string; stock: number }).optionId === a.id && (m.payload as { stock: number }).stock === 10);
    expect((await ship(p1, order.parts[0].id)).status).toBe(409);

    // The same message again, and the same request under a new message id: one decision's effects only.
    const decisions = await outboxCount('order.cancellation.decided');
    await deliverAndWait(req);
    expect(await outboxCount('order.cancellation.decided')).toBe(decisions);
    const copy = { ...req, id: randomUUID() };
    await deliverAndWait(copy);
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([10, 10]);
    expect(await row(order.parts[0].id)).toMatchObject({ status: 'CANCELLED', version: 3 });
    expect(await outboxCount('order.cancellation.decided')).toBe(decisions + 1);

    // One part shipped: the whole order is refused, the other part stays as it was.
    const later = await paidOrder(
      [p1, p2],
      [
        { option: a, quantity: 1 },
        { option: b, quantity: 1 },
      ],
    );
    expect((await ship(p2, later.parts[1].id)).status).toBe(200);
    const refused = cancellation(later.orderId, later.userId);
    await deliverAndWait(refused);
    expect((await decided(refused.payload.requestId)).payload).toMatchObject({ outcome: 'REFUSED', reason: 'already shipped' });
    expect(await row(later.parts[0].id)).toMatchObject({ status: 'PAID', version: 1 });
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([9, 9]);
  });

  it('a cancel racing a ship ends in exactly one of the two, every time', async () => {
    const p = await partner();
    const a = await onSale(p, 100);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const order = await paidOrder([p], [{ option: a, quantity: 1 }]);
      const req = cancellation(order.orderId, order.userId);
      // Both go at once, the ship a few milliseconds later in some rounds.
      const shipping = new Promise((resolve) => setTimeout(resolve, i % 3)).then(() => ship(p, order.parts[0].id));
      const [shipRes] = await Promise.all([shipping, publish(req)]);
      const decision = (await decided(req.payload.requestId)).payload as { outcome: string };
      const final = await row(order.parts[0].id);
      if (decision.outcome === 'CANCELLED') {
        expect([shipRes.status, final.status, final.tracking_number]).toEqual([409, 'CANCELLED', null]);
      } else {
        expect([decision.outcome, shipRes.status, final.status]).toEqual(['REFUSED', 200, 'SHIPPED']);
      }
      outcomes.push(decision.outcome);
    }
    expect(outcomes).toHaveLength(12);
    // 100 on hand, 12 sold, the cancelled ones back.
    expect(await stockOf(a.id)).toBe(100 - outcomes.filter((o) => o === 'REFUSED').length);
  });

  it('return request → RETURN_REQUESTED → RETURNED by the partner; other states and confirmed purchases ignore it; repeats change nothing', async () => {
    const p = await partner();
    const a = await onSale(p, 10);
    const delivered = async () => {
      const o = await paidOrder([p], [{ option: a, quantity: 1 }]);
      await ship(p, o.parts[0].id);
      await post(p, `/${o.parts[0].id}/deliver`);
      return o;
    };
    const order = await delivered();
    const po = order.parts[0];
    const req = buildEnvelope(orderReturnRequested, { orderId: order.orderId, requestId: randomUUID(), userId: order.userId, reason: 'beans arrived stale', requestedAt: now() });
    await deliverAndWait(req);
    expect((await get(p, po.id)).body).toMatchObject({ status: 'RETURN_REQUESTED', version: 4, returnReason: 'beans arrived stale' });
    await statusEvent(po.id, 'RETURN_REQUESTED');
    await deliverAndWait(req);
    await deliverAndWait({ ...req, id: randomUUID() });
    expect(await row(po.id)).toMatchObject({ status: 'RETURN_REQUESTED', version: 4 });

    const returned = await post(p, `/${po.id}/returned`);
    expect(returned.body).toMatchObject({ status: 'RETURNED', version: 5, returnedAt: expect.any(String) });
    await statusEvent(po.id, 'RETURNED');
    expect((await post(p, `/${po.id}/returned`)).status).toBe(409);

    // A return request for an order not delivered is recorded and ignored.
    const paidOnly = await paidOrder([p], [{ option: a, quantity: 1 }]);
    const early = buildEnvelope(orderReturnRequested, { orderId: paidOnly.orderId, requestId: randomUUID(), userId: paidOnly.userId, reason: 'nope', requestedAt: now() });
    await deliverAndWait(early);
    expect(await row(paidOnly.parts[0].id)).toMatchObject({ status: 'PAID', version: 1 });

    // A confirmed purchase can no longer be returned; confirming twice keeps the first time.
    const confirmedOrder = await delivered();
    const confirmedAt = '2025-03-01T00:00:00.000Z';
    await deliverAndWait(buildEnvelope(orderPurchaseConfirmed, { orderId: confirmedOrder.orderId, userId: confirmedOrder.userId, automatic: false, confirmedAt }));
    await deliverAndWait(buildEnvelope(orderPurchaseConfirmed, { orderId: confirmedOrder.orderId, userId: confirmedOrder.userId, automatic: true, confirmedAt: now() }));
    expect((await get(p, confirmedOrder.parts[0].id)).body.confirmedAt).toBe(confirmedAt);
    await deliverAndWait(buildEnvelope(orderReturnRequested, { orderId: confirmedOrder.orderId, requestId: randomUUID(), userId: confirmedOrder.userId, reason: 'late', requestedAt: now() }));
    expect(await row(confirmedOrder.parts[0].id)).toMatchObject({ status: 'DELIVERED', version: 3 });
  });

  it('partner refunds: 202 within the limit and the balance (refund.requested as PARTNER), 422 above with nothing sent, outcomes from refund.completed / refund.refused', async () => {
    const [p, stranger] = [await partner(), await partner()];
    const a = await onSale(p, 10);
    const {
      orderId,
      userId,
      parts: [po],
    } = await paidOrder([p], [{ option: a, quantity: 3 }]); // 93 000 of this partner's lines
    const refund = (body: unknown, headers?: Record<string, string>, who = p) => post<{ refundId: string; code?: string; details?: Array<{ bound: string }> }>(who, `/${po.id}/refund`, body, headers);

    const sent = await outboxCount('refund.requested');
    for (const [body, status] of [
      [{ amount: 50_001, reason: 'broken bag' }, 422],
      [{ amount: 0, reason: 'broken bag' }, 400],
      [{ amount: 1_000, reason: '' }, 400],
      [{ amount: 1_000.5, reason: 'x' }, 400],
    ] as const) {
      expect((await refund(body)).status).toBe(status);
    }
    const aboveLimit = await refund({ amount: 50_001, reason: 'broken bag' });
    expect(aboveLimit.body).toMatchObject({ code: 'REFUND_ABOVE_LIMIT', details: [{ path: 'amount', bound: 'LIMIT' }] });
    expect((await refund({ amount: 1_000, reason: 'x' }, undefined, stranger)).status).toBe(404);
    expect(await outboxCount('refund.requested')).toBe(sent);

    const first = await refund({ amount: 50_000, reason: 'broken bag' }, { 'Idempotency-Key': 'refund-1' });
    expect(first.status).toBe(202);
    const replay = await refund({ amount: 50_000, reason: 'broken bag' }, { 'Idempotency-Key': 'refund-1' });
    expect(replay.body).toEqual(first.body);
    const requested = await t.bus.waitForMessage('refund.requested', (m) => (m.payload as { refundId: string }).refundId === first.body.refundId);
    expect(requested.payload).toMatchObject({ orderId, amountWon: 50_000, reason: 'broken bag', requestedBy: { role: 'PARTNER', userId: p.userId, partnerId: p.partnerId } });
    expect(await outboxCount('refund.requested')).toBe(sent + 1);

    // 43 000 left: 45 000 is above the balance even though it is within the limit.
    const aboveBalance = await refund({ amount: 45_000, reason: 'more' });
    expect([aboveBalance.status, aboveBalance.body.code, aboveBalance.body.details?.[0]?.bound]).toEqual([422, 'REFUND_ABOVE_BALANCE', 'BALANCE']);
    const second = await refund({ amount: 40_000, reason: 'wrong grind' });
    expect(second.status).toBe(202);
    expect((await get(p, po.id)).body).toMatchObject({ refundableWon: 3_000, refunds: [{ refundId: first.body.refundId, status: 'REQUESTED', amountWon: 50_000, requestedBy: 'PARTNER' }, { refundId: second.body.refundId, status: 'REQUESTED' }] });

    const completed = buildEnvelope(refundCompleted, {
      refundId: first.body.refundId,
      orderId,
      userId,
      paymentKey: 'pk',
      amountWon: 50_000,
      lines: [{ lineId: randomUUID(), partnerId: p.partnerId, amountWon: 50_000 }],
      shippingWon: 0,
      balanceWon: 43_000,
      reason: 'broken bag',
      requestedBy: { role: 'PARTNER', userId: p.userId, partnerId: p.partnerId },
      completedAt: now(),
    });
    await deliverAndWait(completed);
    const refusedMsg = buildEnvelope(refundRefused, { refundId: second.body.refundId, orderId, code: 'ABOVE_BALANCE', message: 'above the balance', refusedAt: now() });
    await deliverAndWait(refusedMsg);
    // An admin's refund of this partner's lines is shown too.
    const adminRefundId = randomUUID();
    await deliverAndWait(
      buildEnvelope(refundCompleted, { ...completed.payload, refundId: adminRefundId, amountWon: 1_000, lines: [{ lineId: randomUUID(), partnerId: p.partnerId, amountWon: 1_000 }], reason: 'goodwill', requestedBy: { role: 'ADMIN', userId: randomUUID(), partnerId: null } }),
    );
    const seen = (await get(p, po.id)).body;
    expect(seen).toMatchObject({
      refundableWon: 42_000,
      refunds: expect.arrayContaining([
        expect.objectContaining({ refundId: first.body.refundId, status: 'COMPLETED', refundedWon: 50_000 }),
        expect.objectContaining({ refundId: second.body.refundId, status: 'REFUSED', refusedCode: 'ABOVE_BALANCE' }),
        expect.objectContaining({ refundId: adminRefundId, status: 'COMPLETED', requestedBy: 'ADMIN', refundedWon: 1_000 }),
      ]),
    });
    // Redelivered and re-sent outcomes change nothing.
    await deliverAndWait(completed);
    await deliverAndWait({ ...completed, id: randomUUID() });
    await deliverAndWait({ ...refusedMsg, id: randomUUID() });
    expect((await get(p, po.id)).body).toEqual(seen);
  });

  it('user.deleted erases ship-to copies of finished orders at once and of in-flight ones when they are delivered; repeats change nothing', async () => {
    const p = await partner();
    const a = await onSale(p, 10);
    const done = await paidOrder([p], [{ option: a, quantity: 1 }]);
    await ship(p, done.parts[0].id);
    await post(p, `/${done.parts[0].id}/deliver`);
    // Another order of the same subscriber, still in flight.
    const userId = done.userId;
    await t.db.query(`UPDATE partner_orders SET user_id = $1 WHERE id = $2`, [userId, (await paidOrder([p], [{ option: a, quantity: 1 }])).parts[0].id]);
    const [inFlight] = (await t.db.query(`SELECT id FROM partner_orders WHERE user_id = $1 AND status = 'PAID'`, [userId])) as Array<{ id: string }>;

    const deleted = buildEnvelope(userDeleted, { userId, deletedAt: now() });
    await deliverAndWait(deleted);
    await deliverAndWait({ ...deleted, id: randomUUID() });
    expect((await row(done.parts[0].id)).ship_to).toBeNull();
    expect((await row(inFlight.id)).ship_to).toEqual(shipTo);

    await ship(p, inFlight.id);
    expect((await row(inFlight.id)).ship_to).toEqual(shipTo);
    expect((await post(p, `/${inFlight.id}/deliver`)).body).toMatchObject({ status: 'DELIVERED', shipTo: null });
  });

  it('the queue groups unshipped orders by ship-by date (next business day in Seoul) with the demand per option', async () => {
    const p = await partner();
    const [a, b] = [await onSale(p, 50, 200), await onSale(p, 50, 1000)];
    // 2025-01-06 (Mon) 10:00 and 2025-01-10 (Fri) 10:00 in Seoul.
    const monday = await paidOrder(
      [p],
      [
        { option: a, quantity: 2 },
        { option: b, quantity: 1 },
      ],
      '2025-01-06T01:00:00.000Z',
    );
    const monday2 = await paidOrder([p], [{ option: a, quantity: 3 }], '2025-01-06T02:00:00.000Z');
    const friday = await paidOrder([p], [{ option: b, quantity: 2 }], '2025-01-10T01:00:00.000Z');
    const shipped = await paidOrder([p], [{ option: a, quantity: 7 }], '2025-01-06T03:00:00.000Z');
    await ship(p, shipped.parts[0].id);
    await post(p, `/${monday2.parts[0].id}/prepare`);

    const res = await t.http.get<FulfilmentQueueDto>('/partner/orders/queue', { token: p.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, truncated: false, refundLimitWon: 50_000 });
    expect(res.body.days.map((d) => [d.shipBy, d.overdue, d.orders.map((o) => o.id)])).toEqual([
      ['2025-01-07', true, [monday.parts[0].id, monday2.parts[0].id]],
      ['2025-01-13', true, [friday.parts[0].id]],
    ]);
    expect(res.body.days[0].demand).toEqual([
      expect.objectContaining({ optionId: a.id, units: 5, grams: 1000, orders: 2, weightGrams: 200 }),
      expect.objectContaining({ optionId: b.id, units: 1, grams: 1000, orders: 1 }),
    ]);
    expect(res.body.demand).toEqual([expect.objectContaining({ optionId: b.id, units: 3, grams: 3000 }), expect.objectContaining({ optionId: a.id, units: 5, grams: 1000 })]);
    expect((await t.http.get<FulfilmentQueueDto>('/partner/orders/queue', { token: (await partner()).token })).body).toMatchObject({ total: 0, days: [] });
  });
});
