import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK } from '@roastery/clock';
import { type EventDefinition, fulfilmentStatusChanged, orderCancellationDecided, type PayloadOf, refundRequested } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { TossClient } from '@roastery/toss';
import { createApp } from '../src/app';
import { OrderActionsService } from '../src/orders/order-actions.service';
import { BillingHarness } from './support/billing-harness';

type Requester = PayloadOf<typeof refundRequested>['requestedBy'];
const ADMIN: Requester = { role: 'ADMIN', userId: randomUUID(), partnerId: null };

/**
 * Issue 6, user-service side: fulfilment mirror, cancellation and return, purchase confirmation and
 * the refund engine against the toss-sandbox process. business-service's and admin-service's
 * messages are published on the bus as they would publish them.
 */
describe('orders after payment and refunds (user-service, toss-sandbox process, real PostgreSQL/RabbitMQ)', () => {
  let t: TestApp;
  let h: BillingHarness;
  let toss: TossClient;

  beforeAll(async () => {
    t = await createTestApp(createApp, {
      service: 'user-refunds',
      withTossSandbox: true,
      env: { BILLING_RUN_INTERVAL_MS: '86400000', SUBSCRIBE_WAIT_MS: '15000', REFUND_DRAIN_INTERVAL_MS: '500', PARTNER_REFUND_LIMIT_WON: '10000', TOSS_CHARGE_TIMEOUT_MS: '5000' },
    });
    h = new BillingHarness(t);
    h.startStockResponder();
    toss = new TossClient({ secretKey: 'test_sk_roastery_local_sandbox', baseUrl: t.sandbox!.url });
  }, 120_000);
  afterAll(async () => {
    h?.stop();
    await t?.close();
  });

  /** A subscriber whose first box (2 × unitPrice) is paid; its order id, payment key and partner. */
  async function paidOrder(tag: string, unitPrice = 18_000) {
    const coffee = await h.publishCoffee(unitPrice);
    const me = await h.subscriber(tag);
    const res = await t.http.post(
      '/api/subscriptions',
      { catalogItemId: coffee.itemId, optionId: coffee.optionId, quantity: 2, intervalWeeks: 2, addressId: me.addressId, paymentMethodId: me.cardId, agreeToRecurringPayment: true },
      { token: me.token },
    );
    expect(res.body.firstOrder?.status).toBe('PAID');
    const orderId = res.body.firstOrder.id as string;
    const [charge] = await t.db.query(`SELECT payment_key, amount_won FROM payment_ledger WHERE order_id = $1 AND kind = 'CHARGE'`, [orderId]);
    return { me, orderId, paymentKey: charge.payment_key as string, totalWon: charge.amount_won as number, partnerId: coffee.partnerId };
  }

  async function publish<D extends EventDefinition>(def: D, payload: PayloadOf<D>, source = 'business-service'): Promise<void> {
    await t.bus.publishRaw(def.type, buildEnvelope(def, payload, { source }));
  }

  const fulfilment = (o: { orderId: string; partnerId: string; me: { id: string } }, partnerOrderId: string, status: PayloadOf<typeof fulfilmentStatusChanged>['status'], version: number) =>
    publish(fulfilmentStatusChanged, {
      orderId: o.orderId,
      partnerOrderId,
      partnerId: o.partnerId,
      userId: o.me.id,
      status,
      version,
      carrier: status === 'SHIPPED' ? 'CJ대한통운' : null,
      trackingNumber: status === 'SHIPPED' ? '612345678901' : null,
      changedAt: t.app.get<Clock>(CLOCK).now().toISOString(),
    });

  async function requestRefund(orderId: string, amountWon: number | null, requestedBy: Requester = ADMIN, reason = '배송 지연 보상'): Promise<string> {
    const refundId = randomUUID();
    await publish(refundRequested, { refundId, orderId, amountWon, reason, requestedBy, requestedAt: new Date().toISOString() }, 'admin-service');
    return refundId;
  }

  async function outcome(refundId: string, timeoutMs = 30_000): Promise<{ status: string; refused_code: string | null; amount_won: number | null }> {
    return waitFor(
      async () => {
        const [r] = await t.db.query(`SELECT status, refused_code, amount_won FROM refunds WHERE id = $1`, [refundId]);
        return r && (r.status === 'COMPLETED' || r.status === 'REFUSED') ? r : undefined;
      },
      `refund ${refundId} decided`,
      timeoutMs,
    );
  }

  async function ledgerBalance(orderId: string): Promise<number> {
    const [{ b }] = await t.db.query(`SELECT coalesce(sum(amount_won), 0)::int AS b FROM payment_ledger WHERE order_id = $1`, [orderId]);
    return b;
  }

  const order = async (o: { orderId: string; me: { token: string } }) => (await t.http.get(`/api/orders/${o.orderId}`, { token: o.me.token })).body;

  it('ten simultaneous partial refunds on one payment never exceed it: each applied or refused, none lost, ledger = sandbox to the won', async () => {
    const o = await paidOrder('ten');
    expect(o.totalWon).toBe(36_000);
    const ids = await Promise.all(Array.from({ length: 10 }, () => requestRefund(o.orderId, 5_000)));
    const outcomes = await Promise.all(ids.map((id) => outcome(id, 60_000)));
    const applied = outcomes.filter((x) => x.status === 'COMPLETED');
    const refused = outcomes.filter((x) => x.status === 'REFUSED');
    expect(applied).toHaveLength(7);
    expect(refused).toHaveLength(3);
    expect(refused.every((x) => x.refused_code === 'ABOVE_BALANCE')).toBe(true);

    const atToss = await toss.getPayment(o.paymentKey);
    expect(atToss.cancels).toHaveLength(7);
    expect(atToss.balanceAmount).toBe(1_000);
    expect(await ledgerBalance(o.orderId)).toBe(atToss.balanceAmount);
    const rows = await t.db.query(`SELECT amount_won FROM payment_ledger WHERE order_id = $1 AND kind = 'REFUND'`, [o.orderId]);
    expect(rows.map((r: { amount_won: number }) => r.amount_won)).toEqual(Array(7).fill(-5_000));
    for (const id of ids) {
      const completed = outcomes[ids.indexOf(id)].status === 'COMPLETED';
      await t.bus.waitForMessage(completed ? 'refund.completed' : 'refund.refused', (m) => (m.payload as { refundId: string }).refundId === id);
    }

    const view = await order(o);
    expect(view.afterSale).toMatchObject({ refundedWon: 35_000, refundableWon: 1_000, shippingRefundedWon: 0 });
    expect(view.afterSale.lineRefunds).toEqual([{ lineId: view.lines[0].id, refundedWon: 35_000 }]);
    expect(view.afterSale.refunds).toHaveLength(10);
    expect(view.paidWon).toBe(1_000);
    await waitFor(async () => (await h.notices(o.me.token)).filter((n) => n.kind === 'REFUNDED').length === 7, 'seven refund notices');
  }, 120_000);

  it('cancel before shipping: business-service cancels, the remaining balance is refunded in full (SYSTEM), the order shows CANCELLED', async () => {
    const o = await paidOrder('cancel', 12_000);
    expect(o.totalWon).toBe(24_000 + 3_000);
    const res = await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '주소를 잘못 입력했어요' }, { token: o.me.token });
    expect(res.status).toBe(202);
    const { requestId } = res.body;
    const asked = await t.bus.waitForMessage('order.cancellation.requested', (m) => (m.payload as { orderId: string }).orderId === o.orderId);
    expect(asked.payload).toMatchObject({ requestId, userId: o.me.id, reason: '주소를 잘못 입력했어요' });
    expect((await order(o)).afterSale).toMatchObject({ cancellation: { status: 'OPEN' }, actions: { canCancel: false } });
    expect((await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '다시' }, { token: o.me.token })).status).toBe(409);

    await publish(orderCancellationDecided, { orderId: o.orderId, requestId, outcome: 'CANCELLED', reason: null, decidedAt: new Date().toISOString() });
    expect(await outcome(requestId)).toMatchObject({ status: 'COMPLETED', amount_won: 27_000 });
    const done = await t.bus.waitForMessage('refund.completed', (m) => (m.payload as { refundId: string }).refundId === requestId);
    expect(done.payload).toMatchObject({ amountWon: 27_000, shippingWon: 3_000, balanceWon: 0, requestedBy: { role: 'SYSTEM' } });

    const atToss = await toss.getPayment(o.paymentKey);
    expect(atToss).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    expect(await ledgerBalance(o.orderId)).toBe(0);
    const view = await order(o);
    expect(view.afterSale).toMatchObject({
      state: 'CANCELLED',
      cancellation: { status: 'CANCELLED' },
      refunds: [{ id: requestId, status: 'COMPLETED', amountWon: 27_000, requestedBy: 'SYSTEM' }],
      refundableWon: 0,
      shippingRefundedWon: 3_000,
      actions: { canCancel: false, canReturn: false, canConfirm: false },
    });
    await waitFor(async () => {
      const kinds = (await h.notices(o.me.token)).map((n) => n.kind);
      return kinds.includes('CANCELLED') && kinds.includes('REFUNDED');
    }, 'cancelled and refunded notices');
    // A redelivered decision changes nothing.
    await publish(orderCancellationDecided, { orderId: o.orderId, requestId, outcome: 'CANCELLED', reason: null, decidedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await toss.getPayment(o.paymentKey)).cancels).toHaveLength(1);
  }, 90_000);

  it('cancel after shipping: business-service refuses, nothing is refunded, tracking shows, and a further cancel is 409', async () => {
    const o = await paidOrder('late-cancel');
    const res = await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '마음이 바뀌었어요' }, { token: o.me.token });
    expect(res.status).toBe(202);
    const partnerOrderId = randomUUID();
    await fulfilment(o, partnerOrderId, 'SHIPPED', 2);
    await publish(orderCancellationDecided, { orderId: o.orderId, requestId: res.body.requestId, outcome: 'REFUSED', reason: 'ALREADY_SHIPPED', decidedAt: new Date().toISOString() });
    await waitFor(async () => (await order(o)).afterSale?.cancellation?.status === 'REFUSED', 'cancellation refused');
    const view = await order(o);
    expect(view.afterSale).toMatchObject({
      state: 'SHIPPED',
      fulfilment: { status: 'SHIPPED', parts: [{ partnerOrderId, carrier: 'CJ대한통운', trackingNumber: '612345678901' }] },
      cancellation: { status: 'REFUSED', decisionReason: 'ALREADY_SHIPPED' },
      refunds: [],
      refundableWon: 36_000,
    });
    expect(await ledgerBalance(o.orderId)).toBe(36_000);
    expect((await toss.getPayment(o.paymentKey)).cancels ?? []).toHaveLength(0);
    const again = await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '취소해 주세요' }, { token: o.me.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    await waitFor(async () => {
      const kinds = (await h.notices(o.me.token)).map((n) => n.kind);
      return kinds.includes('SHIPPED') && kinds.includes('CANCEL_REFUSED');
    }, 'shipped and cancel-refused notices');
  }, 90_000);

  it('the sandbox losing the cancel response: resolved by lookup and the same key, refunded exactly once', async () => {
    const o = await paidOrder('lost');
    const faults = `${t.sandbox!.url}/sandbox/faults`;
    const put = await fetch(faults, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, errorPhase: 'after', errorCode: 'FAILED_INTERNAL_SYSTEM_PROCESSING', pathPrefix: `/v1/payments/${o.paymentKey}/cancel` }),
    });
    expect(put.ok).toBe(true);
    try {
      const refundId = await requestRefund(o.orderId, 4_000);
      expect(await outcome(refundId)).toMatchObject({ status: 'COMPLETED', amount_won: 4_000 });
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
    const atToss = await toss.getPayment(o.paymentKey);
    expect(atToss.cancels).toHaveLength(1);
    expect(atToss.balanceAmount).toBe(32_000);
    expect(await ledgerBalance(o.orderId)).toBe(32_000);
    // A later refund of the same payment still agrees with Toss (refundableAmount = our balance).
    const next = await requestRefund(o.orderId, 2_000);
    expect(await outcome(next)).toMatchObject({ status: 'COMPLETED' });
    expect((await toss.getPayment(o.paymentKey)).balanceAmount).toBe(await ledgerBalance(o.orderId));
  }, 90_000);

  it('bad input: refund of 0, above the balance, someone else’s order, partner limits and lines → refused, nothing changed', async () => {
    const o = await paidOrder('bad');
    const other = await h.subscriber('intruder');

    const zero = randomUUID();
    await t.bus.publishRaw(
      refundRequested.type,
      buildEnvelope(refundRequested, { refundId: zero, orderId: o.orderId, amountWon: 0 as unknown as number, reason: 'x', requestedBy: ADMIN, requestedAt: new Date().toISOString() }, { source: 'admin-service' }),
    );
    const above = await requestRefund(o.orderId, 36_001);
    expect(await outcome(above)).toMatchObject({ status: 'REFUSED', refused_code: 'ABOVE_BALANCE' });
    expect(await t.bus.waitForMessage('refund.refused', (m) => (m.payload as { refundId: string }).refundId === above)).toBeDefined();
    const partnerAbove = await requestRefund(o.orderId, 10_001, { role: 'PARTNER', userId: randomUUID(), partnerId: o.partnerId });
    expect(await outcome(partnerAbove)).toMatchObject({ status: 'REFUSED', refused_code: 'ABOVE_PARTNER_LIMIT' });
    const strangerPartner = await requestRefund(o.orderId, 1_000, { role: 'PARTNER', userId: randomUUID(), partnerId: randomUUID() });
    expect(await outcome(strangerPartner)).toMatchObject({ status: 'REFUSED', refused_code: 'NOT_PARTNERS_ORDER' });
    const unknown = randomUUID();
    await publish(refundRequested, { refundId: unknown, orderId: randomUUID(), amountWon: 1_000, reason: 'x', requestedBy: ADMIN, requestedAt: new Date().toISOString() }, 'admin-service');
    expect(await outcome(unknown)).toMatchObject({ status: 'REFUSED', refused_code: 'UNKNOWN_ORDER' });

    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM refunds WHERE id = $1`, [zero]);
    expect(n).toBe(0);
    expect(await ledgerBalance(o.orderId)).toBe(36_000);
    expect((await toss.getPayment(o.paymentKey)).cancels ?? []).toHaveLength(0);

    expect((await t.http.get(`/api/orders/${o.orderId}`, { token: other.token })).status).toBe(404);
    expect((await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '남의 주문' }, { token: other.token })).status).toBe(404);
    expect((await t.http.post(`/api/orders/${o.orderId}/confirm`, undefined, { token: other.token })).status).toBe(404);
    expect((await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '' }, { token: o.me.token })).status).toBe(400);
    expect((await t.http.post(`/api/orders/${o.orderId}/cancel`, { reason: 'ok', extra: 1 }, { token: o.me.token })).status).toBe(400);
    expect((await order(o)).afterSale).toMatchObject({ cancellation: null, refundableWon: 36_000 });
  }, 90_000);

  it('delivery, wrong-state actions (409), confirmation; a confirmed purchase: subscriber refused, admin refund allowed', async () => {
    const o = await paidOrder('confirm');
    const post = (action: string, body?: unknown) => t.http.post(`/api/orders/${o.orderId}/${action}`, body, { token: o.me.token });
    expect((await post('return', { reason: '파손' })).status).toBe(409);
    expect((await post('confirm')).status).toBe(409);

    const partnerOrderId = randomUUID();
    await fulfilment(o, partnerOrderId, 'PREPARING', 1);
    await fulfilment(o, partnerOrderId, 'DELIVERED', 3);
    await fulfilment(o, partnerOrderId, 'SHIPPED', 2); // stale: ignored
    await waitFor(async () => (await order(o)).afterSale?.state === 'DELIVERED', 'delivered');
    await new Promise((r) => setTimeout(r, 300));
    expect((await order(o)).afterSale).toMatchObject({ state: 'DELIVERED', actions: { canCancel: false, canReturn: true, canConfirm: true } });
    expect((await post('cancel', { reason: '늦었어요' })).status).toBe(409);

    const confirmed = await post('confirm');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.afterSale).toMatchObject({ state: 'PURCHASE_CONFIRMED', confirmedAutomatically: false, actions: { canCancel: false, canReturn: false, canConfirm: false } });
    await t.bus.waitForMessage('order.purchase.confirmed', (m) => (m.payload as { orderId: string }).orderId === o.orderId);
    expect((await post('confirm')).status).toBe(409);
    expect((await post('return', { reason: '파손' })).status).toBe(409);
    const cancel = await post('cancel', { reason: '취소' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('INVALID_STATE');

    const bySubscriber = await requestRefund(o.orderId, 1_000, { role: 'SUBSCRIBER', userId: o.me.id, partnerId: null });
    expect(await outcome(bySubscriber)).toMatchObject({ status: 'REFUSED', refused_code: 'PURCHASE_CONFIRMED' });
    const byAdmin = await requestRefund(o.orderId, 6_000);
    expect(await outcome(byAdmin)).toMatchObject({ status: 'COMPLETED', amount_won: 6_000 });
    expect(await ledgerBalance(o.orderId)).toBe(30_000);
    expect((await toss.getPayment(o.paymentKey)).balanceAmount).toBe(30_000);
  }, 90_000);

  it('return after delivery: the partner confirms the item came back, the remaining balance is refunded (SYSTEM)', async () => {
    const o = await paidOrder('return');
    const partnerOrderId = randomUUID();
    const partial = await requestRefund(o.orderId, 5_000);
    expect(await outcome(partial)).toMatchObject({ status: 'COMPLETED' });
    await fulfilment(o, partnerOrderId, 'DELIVERED', 3);
    await waitFor(async () => (await order(o)).afterSale?.actions.canReturn, 'returnable');
    const res = await t.http.post(`/api/orders/${o.orderId}/return`, { reason: '원두가 파손되어 왔어요' }, { token: o.me.token });
    expect(res.status).toBe(202);
    await t.bus.waitForMessage('order.return.requested', (m) => (m.payload as { requestId: string }).requestId === res.body.requestId);
    expect((await order(o)).afterSale).toMatchObject({ state: 'RETURN_REQUESTED', returnRequest: { status: 'OPEN' }, actions: { canConfirm: false, canReturn: false } });

    await fulfilment(o, partnerOrderId, 'RETURNED', 5);
    const refunded = await t.bus.waitForMessage('refund.completed', (m) => (m.payload as { orderId: string; refundId: string }).orderId === o.orderId && (m.payload as { refundId: string }).refundId !== partial, 30_000);
    expect(refunded.payload).toMatchObject({ amountWon: 31_000, balanceWon: 0, requestedBy: { role: 'SYSTEM' } });
    expect(await ledgerBalance(o.orderId)).toBe(0);
    expect((await toss.getPayment(o.paymentKey))).toMatchObject({ balanceAmount: 0, status: 'CANCELED' });
    expect((await order(o)).afterSale).toMatchObject({ state: 'RETURNED', returnRequest: { status: 'RETURNED' }, refundableWon: 0 });
  }, 90_000);

  it('confirms a delivered purchase automatically ORDER_AUTO_CONFIRM_DAYS after delivery on the shared clock', async () => {
    const o = await paidOrder('auto');
    await fulfilment(o, randomUUID(), 'DELIVERED', 3);
    await waitFor(async () => (await order(o)).afterSale?.state === 'DELIVERED', 'delivered');
    const actions = t.app.get(OrderActionsService);
    await actions.autoConfirm();
    expect((await order(o)).afterSale.state).toBe('DELIVERED');
    await h.advanceDays(8);
    expect(await actions.autoConfirm()).toBeGreaterThanOrEqual(1);
    expect((await order(o)).afterSale).toMatchObject({ state: 'PURCHASE_CONFIRMED', confirmedAutomatically: true });
    const m = await t.bus.waitForMessage('order.purchase.confirmed', (x) => (x.payload as { orderId: string }).orderId === o.orderId);
    expect(m.payload).toMatchObject({ automatic: true });
  }, 90_000);
});
