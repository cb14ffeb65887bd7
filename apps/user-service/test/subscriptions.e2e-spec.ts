import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { TossClient } from '@roastery/toss';
import { createApp } from '../src/app';
import { BillingEngine } from '../src/billing/billing-engine';
import { BillingHarness } from './support/billing-harness';

describe('subscriptions and the billing engine (user-service, toss-sandbox process, real PostgreSQL/Redis/RabbitMQ)', () => {
  let t: TestApp;
  let h: BillingHarness;
  let toss: TossClient;

  beforeAll(async () => {
    t = await createTestApp(createApp, {
      service: 'user-subs',
      withTossSandbox: true,
      // The tests step the engine themselves; the schedule stays out of the way.
      env: { BILLING_RUN_INTERVAL_MS: '86400000', SUBSCRIBE_WAIT_MS: '15000' },
    });
    h = new BillingHarness(t);
    h.startStockResponder();
    toss = new TossClient({ secretKey: 'test_sk_roastery_local_sandbox', baseUrl: t.sandbox!.url });
  });
  afterAll(async () => {
    h.stop();
    await t.close();
  });

  async function subscribe(me: { token: string; addressId: string; cardId: string }, coffee: { itemId: string; optionId: string }, over: Record<string, unknown> = {}, headers?: Record<string, string>) {
    return t.http.post(
      '/api/subscriptions',
      { catalogItemId: coffee.itemId, optionId: coffee.optionId, quantity: 2, intervalWeeks: 2, addressId: me.addressId, paymentMethodId: me.cardId, agreeToRecurringPayment: true, ...over },
      { token: me.token, headers },
    );
  }

  it('subscribes: the first box is reserved, charged once at Toss, recorded in the ledger, and the subscriber told', async () => {
    const coffee = await h.publishCoffee(18_000);
    const me = await h.subscriber('first');
    const res = await subscribe(me, coffee);
    expect(res.status).toBe(201);
    const { subscription, firstOrder } = res.body;
    expect(firstOrder).toMatchObject({ status: 'PAID', cycle: 0, totalWon: 36_000 + 0 });
    expect(subscription).toMatchObject({
      status: 'ACTIVE',
      quantity: 2,
      intervalWeeks: 2,
      unitPriceWon: 18_000,
      consent: { termsVersion: '2026-11-01' },
      preview: { quantity: 2, merchandiseWon: 36_000, shippingFeeWon: 0, totalWon: 36_000 },
    });
    expect(subscription.upcomingDates).toHaveLength(4);
    expect(subscription.nextBillingDate).toBe(subscription.upcomingDates[0]);

    const ledger = await h.ledger(subscription.id);
    expect(ledger).toEqual([expect.objectContaining({ cycle: 0, kind: 'CHARGE', amount_won: 36_000 })]);
    const atToss = await toss.getPaymentByOrderId(ledger[0].toss_order_id);
    expect(atToss).toMatchObject({ status: 'DONE', totalAmount: 36_000, type: 'BILLING' });
    await waitFor(async () => (await h.notices(me.token)).some((n) => n.kind === 'CHARGED'), 'charged notice');
    expect((await h.notices(me.token)).map((n) => n.kind)).toEqual(expect.arrayContaining(['CHARGED', 'SUBSCRIPTION_STARTED']));
    const paid = await t.bus.waitForMessage('order.paid', (m) => (m.payload as { orderId: string }).orderId === firstOrder.id);
    expect(paid.payload).toMatchObject({ subscriptionId: subscription.id, totalWon: 36_000, shipTo: { recipient: '김하늘' } });

    const order = await t.http.get(`/api/orders/${firstOrder.id}`, { token: me.token });
    expect(order.body).toMatchObject({ status: 'PAID', paidWon: 36_000, lines: [{ quantity: 2, unitPriceWon: 18_000 }], payments: [{ attempt: 1, status: 'APPROVED' }] });
  });

  it('publishes the terms in force, and accepts a subscription naming them', async () => {
    const terms = await t.http.get('/api/subscriptions/terms');
    expect(terms.body).toEqual({ termsVersion: '2026-11-01', shipping: { feeWon: 3000, freeThresholdWon: 30_000 }, preChargeNoticeDays: 3, priceRiseNoticeDays: 14 });
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('terms');
    expect((await subscribe(me, coffee, { termsVersion: terms.body.termsVersion })).status).toBe(201);
  });

  it('charges a small box with the shipping fee below the free-shipping threshold', async () => {
    const coffee = await h.publishCoffee(12_000);
    const me = await h.subscriber('fee');
    const res = await subscribe(me, coffee, { quantity: 1 });
    expect(res.body.firstOrder).toMatchObject({ status: 'PAID', totalWon: 15_000 });
    expect(res.body.subscription.preview).toMatchObject({ merchandiseWon: 12_000, shippingFeeWon: 3_000, totalWon: 15_000 });
  });

  it('replays a create with the same Idempotency-Key: one subscription, one charge', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('idem');
    const key = `sub-${Math.random().toString(36).slice(2)}`;
    const [a, b] = await Promise.all([subscribe(me, coffee, {}, { 'Idempotency-Key': key }), subscribe(me, coffee, {}, { 'Idempotency-Key': key })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(201);
    const again = await subscribe(me, coffee, {}, { 'Idempotency-Key': key });
    expect(again.status).toBe(201);
    expect(again.body.subscription.id).toBe(a.status === 201 ? a.body.subscription.id : b.body.subscription.id);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE account_id = $1`, [me.id]);
    expect(n).toBe(1);
  });

  it('renews every two weeks on the shared clock, exactly once per cycle, with a notice three days before', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('renew');
    const sub = (await subscribe(me, coffee)).body.subscription;
    await h.advanceDays(11);
    await h.bill();
    const { PreChargeNotices } = await import('../src/billing/pre-charge-notices');
    await t.app.get(PreChargeNotices).send();
    await waitFor(async () => (await h.notices(me.token)).some((n) => n.kind === 'PRE_CHARGE'), 'pre-charge notice');
    const pre = (await h.notices(me.token)).find((n) => n.kind === 'PRE_CHARGE')!;
    expect(pre.data).toMatchObject({ billingDate: sub.nextBillingDate, amountWon: 36_000 });
    expect(await h.ledger(sub.id)).toHaveLength(1);

    await h.advanceDays(3);
    await h.bill();
    await h.bill(); // a second pass finds nothing more to charge
    const ledger = await h.ledger(sub.id);
    expect(ledger.map((l) => l.cycle)).toEqual([0, 1]);
    const after = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(after.nextBillingDate).toBe(sub.upcomingDates[1]);
  });

  it('skips the next box and pauses/resumes on the original cadence, never charging while paused', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('skip');
    const sub = (await subscribe(me, coffee)).body.subscription;
    const skipped = await t.http.post(`/api/subscriptions/${sub.id}/skip`, undefined, { token: me.token });
    expect(skipped.status).toBe(200);
    expect(skipped.body.nextBillingDate).toBe(sub.upcomingDates[1]);
    const [event] = await t.db.query(`SELECT cycle FROM subscription_events WHERE subscription_id = $1 AND kind = 'CYCLE_SKIPPED'`, [sub.id]);
    expect(event.cycle).toBe(1);

    const paused = await t.http.post(`/api/subscriptions/${sub.id}/pause`, {}, { token: me.token });
    expect(paused.body).toMatchObject({ status: 'PAUSED', nextBillingDate: null, upcomingDates: [] });
    await h.advanceDays(30);
    await h.bill();
    expect(await h.ledger(sub.id)).toHaveLength(1);
    const resumed = await t.http.post(`/api/subscriptions/${sub.id}/resume`, {}, { token: me.token });
    expect(resumed.body.status).toBe('ACTIVE');
    // Still on the cadence counted from the first box: a whole number of intervals after it.
    const days = (Date.parse(resumed.body.nextBillingDate) - Date.parse(sub.upcomingDates[0])) / 86_400_000;
    expect(days % 14).toBe(0);
    expect(days).toBeGreaterThan(0);
  });

  it('retries a soft decline on the dunning schedule and recovers at once with a newly registered card', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('dunning');
    const sub = (await subscribe(me, coffee)).body.subscription;
    await h.scriptCard(me.cardId, { outcome: 'insufficient_funds' });
    await h.advanceDays(14);
    await h.bill();
    let view = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(view.openOrder).toMatchObject({ status: 'RETRY_SCHEDULED', lastFailureCode: 'REJECT_CARD_PAYMENT' });
    const failed = (await h.notices(me.token)).find((n) => n.kind === 'PAYMENT_FAILED')!;
    expect(failed.data).toMatchObject({ reason: 'CARD_DECLINED', finalAttempt: false });

    // The first retry (a day later) fails again on the same card.
    await h.advanceDays(1);
    await h.settle();
    await t.app.get((await import('../src/billing/charge-worker.loop')).ChargeWorkerLoop).runOnce();
    view = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(view.openOrder.status).toBe('RETRY_SCHEDULED');

    // A new card retries the open box at once and is charged.
    const newCard = await h.addCard(me.token, '5366480000001234');
    await h.settle();
    view = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(view.openOrder).toBeNull();
    expect(view.paymentMethodId).toBe(newCard);
    const ledger = await h.ledger(sub.id);
    expect(ledger.map((l) => l.cycle)).toEqual([0, 1]);
    const order = (await t.http.get(`/api/orders?subscriptionId=${sub.id}`, { token: me.token })).body.items[0];
    const detail = (await t.http.get(`/api/orders/${order.id}`, { token: me.token })).body;
    expect(detail.payments.map((p: { status: string }) => p.status)).toEqual(['DECLINED', 'DECLINED', 'APPROVED']);
  });

  it('waits for a new card after a hard decline, skips the box when none comes, and goes past due after two failed cycles', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('hard');
    const sub = (await subscribe(me, coffee)).body.subscription;
    await h.scriptCard(me.cardId, { outcome: 'stopped_card' });
    for (let cycle = 1; cycle <= 2; cycle++) {
      await h.advanceDays(14);
      await h.bill();
      const view = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
      expect(view.openOrder).toMatchObject({ status: 'AWAITING_CARD' });
      await h.advanceDays(4);
      await h.settle();
    }
    const view = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(view.status).toBe('PAST_DUE');
    expect(view.openOrder).toBeNull();
    const kinds = (await h.notices(me.token)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['PAYMENT_FAILED', 'PAST_DUE']));
    expect(await h.ledger(sub.id)).toHaveLength(1);
    // Past due: nothing is charged however long it stays so.
    await h.advanceDays(28);
    await h.bill();
    expect(await h.ledger(sub.id)).toHaveLength(1);
    const [voided] = await t.db.query(`SELECT count(*)::int AS n FROM orders WHERE subscription_id = $1 AND status = 'PAYMENT_FAILED'`, [sub.id]);
    expect(voided.n).toBe(2);
  });

  it('does not start a subscription whose first box has no stock: 422 OUT_OF_STOCK, nothing charged', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('nostock');
    h.soldOut.add(coffee.optionId);
    try {
      const res = await subscribe(me, coffee);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'OUT_OF_STOCK', details: { subscriptionId: expect.any(String) } });
      const [row] = await t.db.query(`SELECT status, cancel_reason FROM subscriptions WHERE id = $1`, [res.body.details.subscriptionId]);
      expect(row).toEqual({ status: 'CANCELLED', cancel_reason: 'FIRST_BOX_OUT_OF_STOCK' });
      expect(await h.ledger(res.body.details.subscriptionId)).toHaveLength(0);
    } finally {
      h.soldOut.delete(coffee.optionId);
    }
  });

  it('skips a cycle the roaster has no stock for: nothing charged, the subscriber told, the next box as usual', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('stock');
    const sub = (await subscribe(me, coffee)).body.subscription;
    h.soldOut.add(coffee.optionId);
    await h.advanceDays(14);
    await h.bill();
    h.soldOut.delete(coffee.optionId);
    const view = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(view).toMatchObject({ status: 'ACTIVE', openOrder: null });
    expect((await h.notices(me.token)).map((n) => n.kind)).toContain('SKIPPED_FOR_STOCK');
    expect(await h.ledger(sub.id)).toHaveLength(1);
  });

  it('asks business-service again about a box whose stock request went unanswered', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('unanswered');
    const sub = (await subscribe(me, coffee)).body.subscription;
    await h.advanceDays(14);
    h.unanswered = true;
    try {
      await t.app.get(BillingEngine).placeDueOrders();
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      h.unanswered = false;
    }
    const [waiting] = await t.db.query(`SELECT status FROM orders WHERE subscription_id = $1 AND cycle = 1`, [sub.id]);
    expect(waiting.status).toBe('PENDING_STOCK');
    const { StockRequestRetry } = await import('../src/billing/stock-request-retry');
    expect(await t.app.get(StockRequestRetry).askAgain(0)).toBeGreaterThanOrEqual(1);
    await h.settle();
    expect((await h.ledger(sub.id)).map((l) => l.cycle)).toEqual([0, 1]);
  });

  it('resolves an approval whose answer was lost by re-sending the same Idempotency-Key: charged exactly once', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('lost');
    const sub = (await subscribe(me, coffee)).body.subscription;
    await h.scriptCard(me.cardId, { next: ['response_lost'] });
    await h.advanceDays(14);
    await t.app.get(BillingEngine).placeDueOrders();
    await h.settle(40_000);
    const ledger = await h.ledger(sub.id);
    expect(ledger.map((l) => l.cycle)).toEqual([0, 1]);
    const payments = await toss.getPaymentByOrderId(ledger[1].toss_order_id);
    expect(payments.status).toBe('DONE');
    const [{ attempts }] = await t.db.query(`SELECT attempts FROM orders WHERE subscription_id = $1 AND cycle = 1`, [sub.id]);
    expect(attempts).toBe(1);
  });

  it('lets two engines claim at once without a cycle placed or charged twice', async () => {
    const coffee = await h.publishCoffee();
    const subs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const me = await h.subscriber(`race${i}`);
      subs.push((await subscribe(me, coffee, { quantity: 1 })).body.subscription.id);
    }
    await h.advanceDays(14);
    const engine = t.app.get(BillingEngine);
    await Promise.all([engine.placeDueOrders(), engine.placeDueOrders(), engine.placeDueOrders()]);
    await h.settle();
    for (const id of subs) expect((await h.ledger(id)).map((l) => l.cycle)).toEqual([0, 1]);
  });

  describe('bad input is refused with a clear error and changes nothing', () => {
    it.each([
      ['an invalid interval', { intervalWeeks: 3 }, 400],
      ['quantity 0', { quantity: 0 }, 400],
      ['an absurd quantity', { quantity: 1000 }, 400],
      ['no consent', { agreeToRecurringPayment: false }, 400],
      ['an unknown field', { discount: 100 }, 400],
      ['a coupon that does not exist', { couponCode: 'NOPE' }, 422],
      ['points the account does not have', { usePoints: 500 }, 422],
      ['terms it was not shown', { termsVersion: '2020-01-01' }, 409],
    ])('%s', async (_what, over, status) => {
      const coffee = await h.publishCoffee();
      const me = await h.subscriber('bad');
      const res = await subscribe(me, coffee, over);
      expect(res.status).toBe(status);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE account_id = $1`, [me.id]);
      expect(n).toBe(0);
    });

    it('someone else’s card or address is 404; another subscriber’s subscription is 404', async () => {
      const coffee = await h.publishCoffee();
      const me = await h.subscriber('mine');
      const other = await h.subscriber('theirs');
      expect((await subscribe(me, coffee, { paymentMethodId: other.cardId })).status).toBe(404);
      expect((await subscribe(me, coffee, { addressId: other.addressId })).status).toBe(404);
      const sub = (await subscribe(other, coffee)).body.subscription;
      expect((await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).status).toBe(404);
      expect((await t.http.post(`/api/subscriptions/${sub.id}/skip`, undefined, { token: me.token })).status).toBe(404);
      expect((await t.http.patch(`/api/subscriptions/${sub.id}`, { quantity: 3 }, { token: me.token })).status).toBe(404);
    });

    it('refuses operations the state forbids: resume an active one, skip a cancelled one, a stale version', async () => {
      const coffee = await h.publishCoffee();
      const me = await h.subscriber('states');
      const sub = (await subscribe(me, coffee)).body.subscription;
      expect((await t.http.post(`/api/subscriptions/${sub.id}/resume`, {}, { token: me.token })).status).toBe(409);
      expect((await t.http.patch(`/api/subscriptions/${sub.id}`, { quantity: 3, version: sub.version - 1 }, { token: me.token })).status).toBe(409);
      expect((await t.http.patch(`/api/subscriptions/${sub.id}`, { nextBillingDate: '2020-01-01' }, { token: me.token })).status).toBe(422);
      const cancelled = await t.http.post(`/api/subscriptions/${sub.id}/cancel`, { reason: '커피를 줄이려고요' }, { token: me.token });
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: '커피를 줄이려고요', nextBillingDate: null });
      const before = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
      expect((await t.http.post(`/api/subscriptions/${sub.id}/skip`, undefined, { token: me.token })).status).toBe(409);
      expect((await t.http.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'again' }, { token: me.token })).status).toBe(409);
      expect((await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body).toEqual(before);
      const back = await t.http.post(`/api/subscriptions/${sub.id}/reactivate`, undefined, { token: me.token });
      expect(back.body.status).toBe('ACTIVE');
    });

    it('refuses deleting the only card of a live subscription (409), and moves it to the other card otherwise', async () => {
      const coffee = await h.publishCoffee();
      const me = await h.subscriber('card');
      const sub = (await subscribe(me, coffee)).body.subscription;
      const refused = await t.http.delete(`/api/payment-methods/${me.cardId}`, { token: me.token });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PAYMENT_METHOD_IN_USE');
      const second = await h.addCard(me.token);
      expect((await t.http.delete(`/api/payment-methods/${me.cardId}`, { token: me.token })).status).toBe(204);
      expect((await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body.paymentMethodId).toBe(second);
    });
  });

  it('applies edits from the next box: quantity, interval and address, with the preview following', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('edit');
    const sub = (await subscribe(me, coffee)).body.subscription;
    const res = await t.http.patch(`/api/subscriptions/${sub.id}`, { quantity: 1, intervalWeeks: 4, version: sub.version }, { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ quantity: 1, intervalWeeks: 4, preview: { totalWon: 21_000 } });
    const days = (Date.parse(res.body.nextBillingDate) - Date.parse(sub.upcomingDates[0])) / 86_400_000;
    expect(days).toBe(14);
    await h.advanceDays(28);
    await h.bill();
    const ledger = await h.ledger(sub.id);
    expect(ledger.map((l) => [l.cycle, l.amount_won])).toEqual([
      [0, 36_000],
      [1, 21_000],
    ]);
  });

  it('deletes an account: subscriptions cancelled, billing keys deleted at Toss, personal data anonymised, money records kept', async () => {
    const coffee = await h.publishCoffee();
    const me = await h.subscriber('leaving');
    const sub = (await subscribe(me, coffee)).body.subscription;
    const billingKey = await h.billingKeyOf(me.cardId);
    expect((await t.http.request('DELETE', '/api/me', { token: me.token, body: { password: 'wrong password!' } })).status).toBe(403);
    expect((await t.http.request('DELETE', '/api/me', { token: me.token, body: {} })).status).toBe(400);
    expect((await t.http.request('DELETE', '/api/me', { token: me.token, body: { password: 'correct horse battery staple' } })).status).toBe(204);

    const [account] = await t.db.query(`SELECT email, name, phone, status FROM accounts WHERE id = $1`, [me.id]);
    expect(account).toEqual({ email: `deleted-${me.id}@deleted.invalid`, name: '(삭제됨)', phone: null, status: 'DELETED' });
    const [subRow] = await t.db.query(`SELECT status, cancel_reason FROM subscriptions WHERE id = $1`, [sub.id]);
    expect(subRow).toEqual({ status: 'CANCELLED', cancel_reason: 'ACCOUNT_DELETED' });
    expect(await t.db.query(`SELECT 1 FROM addresses WHERE account_id = $1`, [me.id])).toHaveLength(0);
    expect(await t.db.query(`SELECT 1 FROM notifications WHERE account_id = $1`, [me.id])).toHaveLength(0);
    const [card] = await t.db.query(`SELECT status, billing_key_enc FROM payment_methods WHERE id = $1`, [me.cardId]);
    expect(card).toEqual({ status: 'DELETED', billing_key_enc: null });
    const charge = await toss
      .chargeBillingKey(billingKey, { customerKey: 'whatever-1', amount: 1000, orderId: `deleted-${me.id.slice(0, 8)}`, orderName: 'x' }, { idempotencyKey: `deleted-${me.id}` })
      .catch((e: unknown) => e);
    expect(charge).toMatchObject({ code: expect.stringMatching(/NOT_FOUND_BILLING|NOT_MATCHES_CUSTOMER_KEY/) });
    const [order] = await t.db.query(`SELECT ship_to->>'recipient' AS recipient, ship_to->>'phone' AS phone, total_won FROM orders WHERE subscription_id = $1`, [sub.id]);
    expect(order).toEqual({ recipient: '(삭제됨)', phone: '(삭제됨)', total_won: 36_000 });
    expect(await h.ledger(sub.id)).toHaveLength(1);
    await t.bus.waitForMessage('user.deleted', (m) => (m.payload as { userId: string }).userId === me.id);
    expect((await t.http.post('/api/auth/login', { email: 'leaving@example.com', password: 'correct horse battery staple' })).status).toBe(401);
  });

  it('passes a price cut on at once, and a rise only after the notice period and with consent (paused without it)', async () => {
    const coffee = await h.publishCoffee(18_000);
    const me = await h.subscriber('price');
    const sub = (await subscribe(me, coffee)).body.subscription;

    await h.reprice(coffee.itemId, 16_000);
    expect((await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body).toMatchObject({ unitPriceWon: 16_000, pendingPriceChange: null });

    await h.reprice(coffee.itemId, 20_000);
    const announced = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(announced).toMatchObject({ unitPriceWon: 16_000, pendingPriceChange: { unitPriceWon: 20_000, consentedAt: null } });
    expect((await h.notices(me.token)).find((n) => n.kind === 'PRICE_CHANGE')?.data).toMatchObject({ oldUnitPriceWon: 16_000, newUnitPriceWon: 20_000 });

    // The next box falls on the rise's effective date (14 days of notice) without consent: paused, not charged.
    await h.advanceDays(14);
    await h.bill();
    const paused = (await t.http.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
    expect(paused).toMatchObject({ status: 'PAUSED', pauseReason: 'PRICE_CONSENT' });
    expect(await h.ledger(sub.id)).toHaveLength(1);

    const agreed = await t.http.post(`/api/subscriptions/${sub.id}/accept-price`, undefined, { token: me.token });
    expect(agreed.body).toMatchObject({ status: 'ACTIVE', unitPriceWon: 20_000, pendingPriceChange: null });
    expect((await t.http.post(`/api/subscriptions/${sub.id}/accept-price`, undefined, { token: me.token })).status).toBe(409);
    await h.advanceDays(14);
    await h.bill();
    expect((await h.ledger(sub.id)).map((l) => l.amount_won)).toEqual([36_000, 40_000]);
  });
});
