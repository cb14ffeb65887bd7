import type { OrderDto } from '@roastery/contracts';
import { adminToken, api } from './support/api';
import { addDays, clockNow, moveClockToDate, newSubscriberWithCard, type TestSubscriber } from './support/billing';
import { adminPayment, orderWhen, paidOrder, partnerOrder, paymentKeyOf, poll, routed, sandboxPaymentByKey, seoulDate, stockOf, subscriberOrder, trackingNumber } from './support/fulfilment';
import { newApprovedCoffee, newPartner, type TestCoffee, type TestPartner } from './support/partners';

/**
 * Issue 6 across the running services: a paid order (a real subscription's first box, charged at
 * the toss-sandbox) is shipped, tracked, delivered and confirmed, or cancelled and refunded, or
 * returned; admins and the partner refund part of it, also at once; and the subscriber's order
 * (user-service's ledger), the admin's payment (admin-service's read model) and the sandbox's
 * payment agree to the won. Each scenario uses its own fresh paid order.
 */
describe('fulfilment, cancellations and refunds across the running services', () => {
  const run = Math.random().toString(36).slice(2, 8);
  const PRICE = 18_000;
  let partner: TestPartner;
  let coffee: TestCoffee;
  let me: TestSubscriber;
  let admin: string;

  beforeAll(async () => {
    partner = await newPartner(`fulfil-${run}`, `Fulfilment Roasters ${run}`);
    coffee = await newApprovedCoffee(partner, `Fulfil Huila ${run}`, [{ priceWon: PRICE, stock: 200 }]);
    me = await newSubscriberWithCard(`fulfil-sub-${run}`);
    admin = await adminToken();
  }, 120_000);

  const ship = (orderId: string, tracking = trackingNumber()) =>
    api.business.post('/partner/orders/ship', { items: [{ orderId, carrier: 'CJ대한통운', trackingNumber: tracking }] }, { token: partner.accessToken });
  const act = (orderId: string, step: 'prepare' | 'deliver' | 'returned') => api.business.post(`/partner/orders/${orderId}/${step}`, undefined, { token: partner.accessToken });
  const cancel = (orderId: string, token = me.token) => api.user.post(`/api/orders/${orderId}/cancel`, { reason: '마음이 바뀌었어요' }, { token });
  const adminRefund = (orderId: string, amount: number, reason = 'support goodwill') => api.admin.post(`/admin/payments/${orderId}/refund`, { amount, reason }, { token: admin });
  const partnerRefund = (orderId: string, amount: number, reason = 'roast defect') => api.business.post(`/partner/orders/${orderId}/refund`, { amount, reason }, { token: partner.accessToken });
  const adminRefundWhenSettled = (refundId: string) =>
    poll(`admin refund ${refundId} to settle`, async () => {
      const r = await api.admin.get(`/admin/refunds/${refundId}`, { token: admin });
      return r.status === 200 && r.body.status !== 'REQUESTED' ? r.body : undefined;
    }, 60_000);

  /** The three views of one payment, once they agree on the refunded amount: user-service, admin-service, the sandbox. */
  async function threeViews(orderId: string, expectedRefunded: number) {
    const paymentKey = await paymentKeyOf(orderId);
    return poll(`the ledger, the admin's payment and the sandbox to show ${expectedRefunded} refunded of ${orderId}`, async () => {
      const [order, payment, atToss] = await Promise.all([subscriberOrder(me.token, orderId), adminPayment(orderId, admin), sandboxPaymentByKey(paymentKey)]);
      const ok = order.afterSale?.refundedWon === expectedRefunded && payment.refundedWon === expectedRefunded && atToss.totalAmount - atToss.balanceAmount === expectedRefunded;
      return ok ? { order, payment, atToss } : undefined;
    }, 60_000);
  }

  it('ships, tracks, delivers and confirms a paid order; the subscriber can no longer cancel, the admin can still refund part of it', async () => {
    const o = await paidOrder(me, coffee, 2);
    expect(o.totalWon).toBe(36_000);

    // In the partner's queue, grouped by ship-by date, with the demand to roast.
    const day = await poll('the order in the fulfilment queue', async () => {
      const q = (await api.business.get('/partner/orders/queue', { token: partner.accessToken })).body;
      return (q.days as { shipBy: string; orders: { orderId: string }[]; demand: { optionId: string; units: number; grams: number }[] }[]).find((d) => d.orders.some((x) => x.orderId === o.orderId));
    });
    expect(day.demand.find((d) => d.optionId === coffee.optionIds[0])).toMatchObject({ units: expect.any(Number), grams: expect.any(Number) });
    expect(day.demand.find((d) => d.optionId === coffee.optionIds[0])!.units).toBeGreaterThanOrEqual(2);

    const prepared = await act(o.orderId, 'prepare');
    expect(prepared.status).toBe(200);
    expect(prepared.body.status).toBe('PREPARING');
    // Delivering an unshipped order is refused and changes nothing.
    expect((await act(o.orderId, 'deliver')).status).toBe(409);

    // Bulk ship (one call, per-item results); the tracking number is normalised.
    const shipped = await api.business.post(
      '/partner/orders/ship',
      { items: [{ orderId: o.orderId, carrier: 'CJ대한통운', trackingNumber: '6123-4567-8901' }] },
      { token: partner.accessToken },
    );
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ shipped: 1, failed: 0, results: [{ orderId: o.orderId, outcome: 'SHIPPED', order: { status: 'SHIPPED', carrier: 'CJ대한통운', trackingNumber: '612345678901' } }] });

    // The subscriber sees SHIPPED with the tracking, and gets a SHIPPED notice.
    const inTransit = await orderWhen(me.token, o.orderId, 'SHIPPED at GET /api/orders/:id', (x) => x.afterSale?.state === 'SHIPPED');
    expect(inTransit.afterSale!.fulfilment.parts).toEqual([expect.objectContaining({ partnerId: partner.partnerId, status: 'SHIPPED', carrier: 'CJ대한통운', trackingNumber: '612345678901', shippedAt: expect.any(String) })]);
    expect(inTransit.afterSale!.actions).toEqual({ canCancel: false, canReturn: false, canConfirm: false });
    const notice = await poll('the SHIPPED notice', async () => {
      const items = (await api.user.get('/api/me/notifications?size=50', { token: me.token })).body.items as { kind: string; data: { orderId?: string; trackingNumber?: string } }[];
      return items.find((n) => n.kind === 'SHIPPED' && n.data.orderId === o.orderId);
    });
    expect(notice.data.trackingNumber).toBe('612345678901');

    // Delivered; shipping it again is refused.
    expect((await act(o.orderId, 'deliver')).body.status).toBe('DELIVERED');
    expect((await ship(o.orderId)).body).toMatchObject({ shipped: 0, failed: 1, results: [{ outcome: 'FAILED', code: 'INVALID_STATE' }] });
    const delivered = await orderWhen(me.token, o.orderId, 'DELIVERED at GET /api/orders/:id', (x) => x.afterSale?.state === 'DELIVERED');
    expect(delivered.afterSale!.actions).toEqual({ canCancel: false, canReturn: true, canConfirm: true });
    expect(delivered.afterSale!.autoConfirmAt).toEqual(expect.any(String));
    expect(delivered.afterSale!.fulfilment.parts[0].deliveredAt).toEqual(expect.any(String));

    // The subscriber confirms: PURCHASE_CONFIRMED; a second confirm, a cancel and a return are 409.
    const confirmed = await api.user.post(`/api/orders/${o.orderId}/confirm`, undefined, { token: me.token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.afterSale).toMatchObject({ state: 'PURCHASE_CONFIRMED', confirmedAt: expect.any(String), confirmedAutomatically: false, actions: { canCancel: false, canReturn: false, canConfirm: false } });
    expect((await api.user.post(`/api/orders/${o.orderId}/confirm`, undefined, { token: me.token })).status).toBe(409);
    const refusedCancel = await cancel(o.orderId);
    expect(refusedCancel.status).toBe(409);
    expect(refusedCancel.body.code).toBe('INVALID_STATE');
    expect((await api.user.post(`/api/orders/${o.orderId}/return`, { reason: '너무 늦었나요' }, { token: me.token })).status).toBe(409);
    expect((await subscriberOrder(me.token, o.orderId)).afterSale).toMatchObject({ cancellation: null, returnRequest: null, refunds: [], refundedWon: 0, refundableWon: 36_000 });

    // Support can still refund part of it.
    const refund = await adminRefund(o.orderId, 7_000, 'late parcel, goodwill');
    expect(refund.status).toBe(202);
    expect(refund.body).toEqual({ refundId: expect.any(String), status: 'REQUESTED' });
    const settled = await adminRefundWhenSettled(refund.body.refundId);
    expect(settled).toMatchObject({ status: 'COMPLETED', amountWon: 7_000, balanceAfterWon: 29_000 });

    const { order, payment, atToss } = await threeViews(o.orderId, 7_000);
    expect(order.afterSale).toMatchObject({ state: 'PURCHASE_CONFIRMED', refundedWon: 7_000, refundableWon: 29_000 });
    expect(order.afterSale!.refunds).toEqual([expect.objectContaining({ id: refund.body.refundId, status: 'COMPLETED', amountWon: 7_000, requestedBy: 'ADMIN' })]);
    expect(order.paidWon).toBe(29_000);
    expect(payment).toMatchObject({ status: 'PARTIALLY_REFUNDED', totalWon: 36_000, refundedWon: 7_000, balanceWon: 29_000, pendingWon: 0 });
    expect(payment.ledger.map((r: { kind: string; amountWon: number; balanceWon: number }) => [r.kind, r.amountWon, r.balanceWon])).toEqual([
      ['CHARGE', 36_000, 36_000],
      ['REFUND', -7_000, 29_000],
    ]);
    expect(payment.fulfilment).toEqual([expect.objectContaining({ partnerId: partner.partnerId, status: 'DELIVERED', trackingNumber: '612345678901' })]);
    expect(atToss).toMatchObject({ status: 'PARTIAL_CANCELED', totalAmount: 36_000, balanceAmount: 29_000 });
    expect(atToss.balanceAmount).toBe(order.afterSale!.refundableWon);
    // The subscriber was told of the delivery and of the refund.
    const kinds = await poll('the DELIVERED and REFUNDED notices', async () => {
      const items = (await api.user.get('/api/me/notifications?size=50', { token: me.token })).body.items as { kind: string; data: { orderId?: string; amountWon?: number } }[];
      const mine = items.filter((n) => n.data.orderId === o.orderId);
      return mine.some((n) => n.kind === 'REFUNDED') && mine.some((n) => n.kind === 'DELIVERED') ? mine : undefined;
    });
    expect(kinds.find((n) => n.kind === 'REFUNDED')!.data.amountWon).toBe(7_000);
  }, 150_000);

  it('cancels before shipping: 202, business-service decides CANCELLED, a full refund at Toss, the stock back on hand', async () => {
    const o = await paidOrder(me, coffee, 3);
    expect(o.totalWon).toBe(54_000);
    await routed(partner, o.orderId);
    const stockBefore = await stockOf(partner, coffee.productId, coffee.optionIds[0]);
    const paymentKey = await paymentKeyOf(o.orderId);

    const asked = await cancel(o.orderId);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ requestId: expect.any(String), status: 'OPEN' });
    // A second cancel while the first is being decided is refused.
    expect((await cancel(o.orderId)).status).toBe(409);

    const done = await orderWhen(me.token, o.orderId, 'cancelled and refunded in full', (x) => x.afterSale?.state === 'CANCELLED' && x.afterSale.refundableWon === 0 && x.afterSale.refunds.some((r) => r.status === 'COMPLETED'));
    expect(done.afterSale).toMatchObject({ state: 'CANCELLED', cancellation: { id: asked.body.requestId, status: 'CANCELLED' }, refundedWon: 54_000, refundableWon: 0, actions: { canCancel: false, canReturn: false, canConfirm: false } });
    expect(done.afterSale!.refunds).toEqual([expect.objectContaining({ status: 'COMPLETED', requestedBy: 'SYSTEM' })]);
    expect(done.paidWon).toBe(0);

    const atToss = await sandboxPaymentByKey(paymentKey);
    expect(atToss).toMatchObject({ status: 'CANCELED', totalAmount: 54_000, balanceAmount: 0 });
    expect(atToss.cancels).toHaveLength(1);

    const po = await partnerOrder(partner, o.orderId);
    expect(po).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(String) });
    expect(await poll('the three units back on hand', async () => {
      const s = await stockOf(partner, coffee.productId, coffee.optionIds[0]);
      return s === stockBefore + 3 ? s : undefined;
    }, 20_000)).toBe(stockBefore + 3);

    // Nothing more can happen to it: shipping is 409, and nothing is left for the admin to refund.
    expect((await ship(o.orderId)).body.results[0]).toMatchObject({ outcome: 'FAILED', code: 'INVALID_STATE' });
    const payment = await poll('admin-service to see the full refund', async () => {
      const p = await adminPayment(o.orderId, admin);
      return p.status === 'REFUNDED' ? p : undefined;
    });
    expect(payment).toMatchObject({ refundedWon: 54_000, balanceWon: 0 });
    const above = await adminRefund(o.orderId, 1);
    expect(above.status).toBe(422);
    expect(above.body.code).toBe('REFUND_ABOVE_BALANCE');
  }, 120_000);

  it('refuses a cancel after shipping: nothing refunded, the parcel stays shipped', async () => {
    const o = await paidOrder(me, coffee, 2);
    await routed(partner, o.orderId);
    const paymentKey = await paymentKeyOf(o.orderId);
    expect((await ship(o.orderId)).body.shipped).toBe(1);
    // Straight after the ship, user-service may not know yet: then the roaster's side answers REFUSED.
    const asked = await cancel(o.orderId);
    expect([202, 409]).toContain(asked.status);
    const after = await orderWhen(me.token, o.orderId, 'the cancel refused and the order SHIPPED', (x) => x.afterSale?.state === 'SHIPPED' && (asked.status === 409 || x.afterSale.cancellation?.status === 'REFUSED'));
    if (asked.status === 202) expect(after.afterSale!.cancellation).toMatchObject({ id: asked.body.requestId, status: 'REFUSED', decisionReason: expect.any(String) });
    // Once user-service knows it shipped, the cancel is refused at once.
    const again = await cancel(o.orderId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    expect(after.afterSale).toMatchObject({ refunds: [], refundedWon: 0, refundableWon: 36_000 });
    expect((await partnerOrder(partner, o.orderId)).status).toBe('SHIPPED');
    expect(await sandboxPaymentByKey(paymentKey)).toMatchObject({ status: 'DONE', balanceAmount: 36_000 });
    console.log(`cancel after ship: first cancel answered ${asked.status}${asked.status === 202 ? ' → REFUSED' : ''}`);
  }, 90_000);

  it('a cancel racing a ship ends in exactly one of the two, round after round', async () => {
    const ROUNDS = 8;
    const orders: { orderId: string; totalWon: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) orders.push(await paidOrder(me, coffee, 1));
    for (const o of orders) await routed(partner, o.orderId);
    const keys = await Promise.all(orders.map((o) => paymentKeyOf(o.orderId)));

    // Some rounds fire both at once; others give the cancel's message a head start, so both outcomes are exercised.
    const headStartMs = [0, 0, 0, 0, 150, 300, 600, 1_200];
    const outcomes: string[] = [];
    for (const [i, o] of orders.entries()) {
      const [shipRes, cancelRes] = await Promise.all([
        new Promise((r) => setTimeout(r, headStartMs[i])).then(() => ship(o.orderId)),
        cancel(o.orderId),
      ]);
      expect(shipRes.status).toBe(200);
      const shippedNow = shipRes.body.shipped === 1;
      if (!shippedNow) expect(shipRes.body.results[0]).toMatchObject({ outcome: 'FAILED', code: 'INVALID_STATE' });
      expect([202, 409]).toContain(cancelRes.status);

      const settled = await orderWhen(me.token, o.orderId, `round ${i} to settle`, (x) => {
        const a = x.afterSale!;
        const shippedSide = a.state === 'SHIPPED' && (a.cancellation === null || a.cancellation.status === 'REFUSED');
        const cancelledSide = a.state === 'CANCELLED' && a.cancellation?.status === 'CANCELLED' && a.refundableWon === 0 && a.refunds.some((r) => r.status === 'COMPLETED');
        return shippedSide || cancelledSide;
      }, 60_000);
      const po = await partnerOrder(partner, o.orderId);
      const atToss = await sandboxPaymentByKey(keys[i]);
      if (settled.afterSale!.state === 'SHIPPED') {
        // Shipped, never refunded.
        expect(shippedNow).toBe(true);
        expect(po.status).toBe('SHIPPED');
        expect(settled.afterSale).toMatchObject({ refunds: [], refundedWon: 0, refundableWon: o.totalWon });
        expect(atToss).toMatchObject({ status: 'DONE', balanceAmount: o.totalWon });
        outcomes.push(`shipped${cancelRes.status === 409 ? '(cancel 409)' : ''}`);
      } else {
        // Cancelled and refunded in full, never shipped.
        expect(shippedNow).toBe(false);
        expect(cancelRes.status).toBe(202);
        expect(po.status).toBe('CANCELLED');
        expect(po.shippedAt).toBeNull();
        expect(settled.afterSale).toMatchObject({ refundedWon: o.totalWon, refundableWon: 0 });
        expect(atToss).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
        outcomes.push('cancelled');
      }
    }
    // A late refund would break "shipped and not refunded": look once more after the dust settles.
    await new Promise((r) => setTimeout(r, 2_000));
    for (const [i, o] of orders.entries()) {
      const atToss = await sandboxPaymentByKey(keys[i]);
      const x = await subscriberOrder(me.token, o.orderId);
      expect(atToss.balanceAmount).toBe(x.afterSale!.refundableWon);
      expect(x.afterSale!.refundableWon).toBe(outcomes[i] === 'cancelled' ? 0 : o.totalWon);
    }
    console.log(`cancel vs ship, ${ROUNDS} rounds (ship head start ms ${headStartMs.join('/')}): ${outcomes.join(', ')}`);
  }, 240_000);

  it('partial refunds by the admin and the partner, also ten at once, never exceed the balance; ledger, admin and sandbox agree; reconciliation is clean', async () => {
    const o = await paidOrder(me, coffee, 4);
    expect(o.totalWon).toBe(72_000);
    await routed(partner, o.orderId);
    await paymentKeyOf(o.orderId);

    // Bad input: nothing is sent.
    expect((await adminRefund(o.orderId, 0)).status).toBe(400);
    expect((await partnerRefund(o.orderId, 0)).status).toBe(400);
    const aboveLimit = await partnerRefund(o.orderId, 50_001);
    expect(aboveLimit.status).toBe(422);
    expect(aboveLimit.body.code).toBe('REFUND_ABOVE_LIMIT');
    // Someone else's order is not the partner's to refund: 404, like any order it cannot see.
    const other = await newPartner(`fulfil-other-${run}`, `Other Roasters ${run}`);
    const foreign = await api.business.post(`/partner/orders/${o.orderId}/refund`, { amount: 1_000, reason: 'not mine' }, { token: other.accessToken });
    expect(foreign.status).toBe(404);
    const aboveBalance = await adminRefund(o.orderId, 72_001);
    expect(aboveBalance.status).toBe(422);
    expect(aboveBalance.body.code).toBe('REFUND_ABOVE_BALANCE');

    // One of each, in turn.
    const a1 = await adminRefund(o.orderId, 5_000);
    expect(a1.status).toBe(202);
    expect(await adminRefundWhenSettled(a1.body.refundId)).toMatchObject({ status: 'COMPLETED', amountWon: 5_000 });
    const p1 = await partnerRefund(o.orderId, 4_000);
    expect(p1.status).toBe(202);
    expect(p1.body.refundId).toEqual(expect.any(String));
    const p1Done = await poll('the partner refund to complete', async () => {
      const r = (await partnerOrder(partner, o.orderId)).refunds.find((x: { refundId: string }) => x.refundId === p1.body.refundId);
      return r && r.status !== 'REQUESTED' ? r : undefined;
    }, 60_000);
    expect(p1Done).toMatchObject({ status: 'COMPLETED', requestedBy: 'PARTNER', amountWon: 4_000, refundedWon: 4_000 });
    await threeViews(o.orderId, 9_000);

    // Ten at once, asking for more than is left: 5 × 7,000 by the admin and 5 × 6,000 by the partner = 65,000 > 63,000.
    const asks = [...Array.from({ length: 5 }, () => ({ by: 'ADMIN' as const, amount: 7_000 })), ...Array.from({ length: 5 }, () => ({ by: 'PARTNER' as const, amount: 6_000 }))];
    const answers = await Promise.all(asks.map((a, i) => (a.by === 'ADMIN' ? adminRefund(o.orderId, a.amount, `burst ${i}`) : partnerRefund(o.orderId, a.amount, `burst ${i}`))));
    for (const r of answers) {
      // Accepted, or refused at the edge for the balance (the edges count their own pending requests).
      expect([202, 422]).toContain(r.status);
      if (r.status === 422) expect(r.body.code).toBe('REFUND_ABOVE_BALANCE');
    }
    const accepted = answers.flatMap((r, i) => (r.status === 202 ? [{ ...asks[i], refundId: r.body.refundId as string }] : []));
    // Every accepted request ends COMPLETED or REFUSED at user-service, none lost.
    const final = await orderWhen(me.token, o.orderId, 'every burst refund settled', (x) => accepted.every((a) => x.afterSale!.refunds.some((r) => r.id === a.refundId && (r.status === 'COMPLETED' || r.status === 'REFUSED'))), 90_000);
    const byId = new Map(final.afterSale!.refunds.map((r) => [r.id, r]));
    const completed = accepted.filter((a) => byId.get(a.refundId)!.status === 'COMPLETED');
    const refused = accepted.filter((a) => byId.get(a.refundId)!.status === 'REFUSED');
    const burstRefunded = completed.reduce((s, a) => s + a.amount, 0);
    expect(burstRefunded).toBeLessThanOrEqual(63_000);
    const totalRefunded = 9_000 + burstRefunded;
    const balance = 72_000 - totalRefunded;
    expect(final.afterSale).toMatchObject({ refundedWon: totalRefunded, refundableWon: balance });
    expect(final.afterSale!.refunds.filter((r) => r.status === 'COMPLETED').reduce((s, r) => s + (r.amountWon ?? 0), 0)).toBe(totalRefunded);
    // Each refusal happened at its turn because it would have gone below zero: the balance only fell after it.
    for (const r of refused) {
      expect(byId.get(r.refundId)!.refusedCode).toBe('ABOVE_BALANCE');
      expect(r.amount).toBeGreaterThan(balance);
    }
    // 65,000 asked of 63,000: something was refused, at an edge or by user-service.
    expect(answers.filter((r) => r.status === 422).length + refused.length).toBeGreaterThan(0);

    // The three views agree to the won, and the partner's view too.
    const { payment, atToss } = await threeViews(o.orderId, totalRefunded);
    expect(payment).toMatchObject({ totalWon: 72_000, refundedWon: totalRefunded, balanceWon: balance, pendingWon: 0 });
    expect(payment.ledger.at(-1).balanceWon).toBe(balance);
    expect(payment.ledger.filter((r: { kind: string }) => r.kind === 'REFUND')).toHaveLength(2 + completed.length);
    expect(atToss.balanceAmount).toBe(balance);
    expect(atToss.cancels!.reduce((s, c) => s + c.cancelAmount, 0)).toBe(totalRefunded);
    expect(atToss.cancels).toHaveLength(2 + completed.length);
    const po = await poll('the partner order to count every refund', async () => {
      const p = await partnerOrder(partner, o.orderId);
      return p.refunds.every((r: { status: string }) => r.status !== 'REQUESTED') ? p : undefined;
    }, 30_000);
    expect(po.refundableWon).toBe(balance);
    // No refund row is left REQUESTED at admin-service either.
    expect(payment.refunds.filter((r: { status: string }) => r.status === 'REQUESTED')).toEqual([]);

    // Reconciliation for today (Seoul, on the platform's clock) lists no mismatch.
    const today = seoulDate(await clockNow());
    const report = await api.admin.get(`/admin/payments/reconciliation?date=${today}`, { token: admin });
    expect(report.status).toBe(200);
    expect(report.body.mismatches).toEqual([]);
    expect(report.body.totals.ours).toEqual(report.body.totals.toss);
    console.log(
      `partial refunds on 72,000: 5,000 admin + 4,000 partner, then a burst of ${asks.length}: ${answers.filter((r) => r.status === 422).length} refused at the edge, ` +
        `${completed.length} completed (${burstRefunded}), ${refused.length} refused by user-service; balance ${balance} in the ledger, admin-service and the sandbox; ` +
        `reconciliation ${today}: ${JSON.stringify(report.body.totals)}`,
    );
  }, 240_000);

  it('ten simultaneous refunds by the admin, then by the partner: each edge counts its pending requests under a lock, user-service completes what fits', async () => {
    const o = await paidOrder(me, coffee, 2);
    await paymentKeyOf(o.orderId);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => adminRefund(o.orderId, 5_000, `admin burst ${i}`)));
    const accepted = answers.filter((r) => r.status === 202);
    const refusedAtEdge = answers.filter((r) => r.status === 422);
    // 36,000 ÷ 5,000: seven fit; the edge refuses the other three (balance less pending).
    expect(accepted).toHaveLength(7);
    expect(refusedAtEdge.map((r) => r.body.code)).toEqual(['REFUND_ABOVE_BALANCE', 'REFUND_ABOVE_BALANCE', 'REFUND_ABOVE_BALANCE']);
    const settled = await Promise.all(accepted.map((r) => adminRefundWhenSettled(r.body.refundId)));
    expect(settled.map((r) => r.status)).toEqual(Array(7).fill('COMPLETED'));
    const { atToss, payment } = await threeViews(o.orderId, 35_000);
    expect(atToss).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 1_000 });
    expect(payment).toMatchObject({ balanceWon: 1_000, pendingWon: 0 });

    // The same from the partner's side: business-service checks each under the partner order's row lock.
    const p = await paidOrder(me, coffee, 2);
    await routed(partner, p.orderId);
    const partnerAnswers = await Promise.all(Array.from({ length: 10 }, (_, i) => partnerRefund(p.orderId, 5_000, `partner burst ${i}`)));
    expect(partnerAnswers.filter((r) => r.status === 202)).toHaveLength(7);
    expect(partnerAnswers.filter((r) => r.status === 422).map((r) => r.body.code)).toEqual(Array(3).fill('REFUND_ABOVE_BALANCE'));
    const pViews = await threeViews(p.orderId, 35_000);
    expect(pViews.atToss.balanceAmount).toBe(1_000);
    const po = await poll('the partner refunds settled', async () => {
      const x = await partnerOrder(partner, p.orderId);
      return x.refunds.every((r: { status: string }) => r.status === 'COMPLETED') ? x : undefined;
    }, 30_000);
    expect(po.refunds).toHaveLength(7);
    expect(po.refundableWon).toBe(1_000);
  }, 120_000);

  it('a return after delivery is refunded once the partner confirms the item came back', async () => {
    const o = await paidOrder(me, coffee, 1);
    expect(o.totalWon).toBe(PRICE + 3_000); // under the free-shipping threshold: the 3,000 fee is paid
    await routed(partner, o.orderId);
    const paymentKey = await paymentKeyOf(o.orderId);
    expect((await ship(o.orderId)).body.shipped).toBe(1);
    expect((await act(o.orderId, 'deliver')).status).toBe(200);
    await orderWhen(me.token, o.orderId, 'DELIVERED', (x) => x.afterSale?.state === 'DELIVERED');
    // The partner cannot take back what was not asked back.
    expect((await act(o.orderId, 'returned')).status).toBe(409);

    const asked = await api.user.post(`/api/orders/${o.orderId}/return`, { reason: '원두가 깨져서 왔어요' }, { token: me.token });
    expect(asked.status).toBe(202);
    const waiting = await orderWhen(me.token, o.orderId, 'RETURN_REQUESTED', (x) => x.afterSale?.state === 'RETURN_REQUESTED');
    expect(waiting.afterSale!.actions).toEqual({ canCancel: false, canReturn: false, canConfirm: false });
    const po = await poll('the return request at the partner', async () => {
      const p = await partnerOrder(partner, o.orderId);
      return p.status === 'RETURN_REQUESTED' ? p : undefined;
    });
    expect(po.returnReason).toBe('원두가 깨져서 왔어요');
    expect((await subscriberOrder(me.token, o.orderId)).afterSale!.refunds).toEqual([]);

    const back = await act(o.orderId, 'returned');
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('RETURNED');
    const refunded: OrderDto = await orderWhen(me.token, o.orderId, 'the return refunded', (x) => x.afterSale?.refundableWon === 0 && x.afterSale.refunds.some((r) => r.status === 'COMPLETED'));
    expect(refunded.afterSale).toMatchObject({ state: 'RETURNED', returnRequest: { status: 'RETURNED' }, refundedWon: o.totalWon, shippingRefundedWon: 3_000 });
    expect(await sandboxPaymentByKey(paymentKey)).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    await threeViews(o.orderId, o.totalWon);
  }, 120_000);

  it('a cancel after a partial refund, racing another admin refund, gives back exactly what is left; a return after a partner refund likewise', async () => {
    // Cancel: 54,000 paid, 10,000 refunded by support, then the subscriber cancels while support asks for 8,000 more.
    const c = await paidOrder(me, coffee, 3);
    await routed(partner, c.orderId);
    const first = await adminRefund(c.orderId, 10_000);
    expect(await adminRefundWhenSettled(first.body.refundId)).toMatchObject({ status: 'COMPLETED' });
    const [asked, more] = await Promise.all([cancel(c.orderId), adminRefund(c.orderId, 8_000)]);
    expect(asked.status).toBe(202);
    expect(more.status).toBe(202);
    const moreDone = await adminRefundWhenSettled(more.body.refundId);
    const cancelled = await orderWhen(me.token, c.orderId, 'cancelled and refunded to zero', (x) => x.afterSale?.state === 'CANCELLED' && x.afterSale.refundableWon === 0 && x.afterSale.refunds.every((r) => r.status === 'COMPLETED' || r.status === 'REFUSED'), 60_000);
    expect(cancelled.afterSale!.refundedWon).toBe(54_000);
    const system = cancelled.afterSale!.refunds.find((r) => r.requestedBy === 'SYSTEM')!;
    expect(system.status).toBe('COMPLETED');
    expect(system.amountWon).toBe(moreDone.status === 'COMPLETED' ? 36_000 : 44_000);
    if (moreDone.status === 'REFUSED') expect(moreDone.refusal.code).toBe('ABOVE_BALANCE');
    const cViews = await threeViews(c.orderId, 54_000);
    expect(cViews.atToss).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    expect(cViews.payment).toMatchObject({ status: 'REFUNDED', balanceWon: 0, pendingWon: 0 });

    // Return: 21,000 paid (18,000 + 3,000 shipping), 5,000 refunded by the partner, returned: the rest, 16,000.
    const r = await paidOrder(me, coffee, 1);
    await routed(partner, r.orderId);
    expect((await ship(r.orderId)).body.shipped).toBe(1);
    expect((await act(r.orderId, 'deliver')).status).toBe(200);
    const pr = await partnerRefund(r.orderId, 5_000, 'one bag dented');
    expect(pr.status).toBe(202);
    await threeViews(r.orderId, 5_000);
    await orderWhen(me.token, r.orderId, 'DELIVERED', (x) => x.afterSale?.state === 'DELIVERED');
    expect((await api.user.post(`/api/orders/${r.orderId}/return`, { reason: '맛이 이상해요' }, { token: me.token })).status).toBe(202);
    await poll('the return at the partner', async () => (await partnerOrder(partner, r.orderId)).status === 'RETURN_REQUESTED');
    expect((await act(r.orderId, 'returned')).status).toBe(200);
    const returned = await orderWhen(me.token, r.orderId, 'the return refunded', (x) => x.afterSale?.refundableWon === 0 && x.afterSale.refunds.length === 2 && x.afterSale.refunds.every((f) => f.status === 'COMPLETED'), 60_000);
    expect(returned.afterSale!.refunds.find((f) => f.requestedBy === 'SYSTEM')!.amountWon).toBe(16_000);
    const rViews = await threeViews(r.orderId, 21_000);
    expect(rViews.atToss).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    console.log(`cancel after 10,000 refunded, racing an 8,000 admin refund: admin ${moreDone.status}, cancellation refunded ${system.amountWon}; return after a 5,000 partner refund: ${returned.afterSale!.refunds.map((f) => `${f.requestedBy} ${f.amountWon}`).join(', ')}`);
  }, 150_000);

  // Last: it moves the shared clock forward (never back), which the other scenarios do not expect.
  it('confirms a delivered purchase automatically ORDER_AUTO_CONFIRM_DAYS (7) after delivery on the shared clock', async () => {
    const o = await paidOrder(me, coffee, 2);
    await routed(partner, o.orderId);
    expect((await ship(o.orderId)).body.shipped).toBe(1);
    expect((await act(o.orderId, 'deliver')).status).toBe(200);
    const delivered = await orderWhen(me.token, o.orderId, 'DELIVERED', (x) => x.afterSale?.state === 'DELIVERED');
    const autoConfirmAt = delivered.afterSale!.autoConfirmAt!;
    expect(Date.parse(autoConfirmAt) - Date.parse(delivered.afterSale!.fulfilment.parts[0].deliveredAt!)).toBeGreaterThanOrEqual(7 * 86_400_000 - 60_000);
    await moveClockToDate(addDays(seoulDate(new Date(autoConfirmAt)), 1));
    // The job runs every ORDER_AUTO_CONFIRM_INTERVAL_MS (60 s by default).
    const confirmed = await orderWhen(me.token, o.orderId, 'the purchase confirmed automatically', (x) => x.afterSale?.state === 'PURCHASE_CONFIRMED', 100_000);
    expect(confirmed.afterSale).toMatchObject({ confirmedAutomatically: true, confirmedAt: expect.any(String), actions: { canCancel: false, canReturn: false, canConfirm: false } });
    expect((await api.user.post(`/api/orders/${o.orderId}/return`, { reason: '늦었지만' }, { token: me.token })).status).toBe(409);
    // business-service heard of it: the partner order records the confirmation, and no return can be asked.
    expect((await poll('the confirmation at the partner', async () => (await partnerOrder(partner, o.orderId)).confirmedAt ?? undefined))).toEqual(expect.any(String));
  }, 150_000);
});
