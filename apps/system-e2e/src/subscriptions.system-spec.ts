import type { OrderDto, OrderSummaryDto, SubscriptionDto } from '@roastery/contracts';
import { waitFor } from '@roastery/testing';
import { api } from './support/api';
import { addCard, addDays, moveClockToDate, newSubscriberWithCard, runBilling, sandboxPayment, scriptCustomer, type TestSubscriber, tossOrderId } from './support/billing';
import { newApprovedCoffee, newPartner, type TestCoffee, type TestPartner } from './support/partners';

/**
 * Subscriptions across the running services (user-service orchestrates the order saga,
 * business-service holds the stock, the toss-sandbox charges), on the shared test clock: subscribe,
 * renew, skip, pause and resume, a declined renewal recovered by a new card, and a reconciliation
 * of every charge with the sandbox. Then the last unit of an option, wanted by two subscribers.
 */
describe('subscriptions and recurring billing across the running services', () => {
  const run = Math.random().toString(36).slice(2, 8);
  let partner: TestPartner;
  let coffee: TestCoffee;
  let me: TestSubscriber;
  let sub: SubscriptionDto;

  beforeAll(async () => {
    partner = await newPartner(`subs-${run}`, `Huila Roasters ${run}`);
    coffee = await newApprovedCoffee(partner, `Huila ${run}`, [
      { priceWon: 18_000, stock: 50 },
      { priceWon: 39_000, stock: 1 },
    ]);
    me = await newSubscriberWithCard(`subscriber-${run}`);
  }, 120_000);

  const getSub = async (): Promise<SubscriptionDto> => (await api.user.get(`/api/subscriptions/${sub.id}`, { token: me.token })).body;
  const orders = async (subscriptionId = sub.id, token = me.token): Promise<OrderSummaryDto[]> =>
    (await api.user.get(`/api/orders?subscriptionId=${subscriptionId}&size=50`, { token })).body.items;
  const orderOfCycle = (cycle: number, status?: string) =>
    waitFor(async () => (await orders()).find((o) => o.cycle === cycle && (!status || o.status === status)), `cycle ${cycle} ${status ?? ''}`.trim(), 45_000);

  it('subscribes: 201 with the first box charged, the preview and the consent recorded', async () => {
    const res = await api.user.post(
      '/api/subscriptions',
      { catalogItemId: coffee.itemId, optionId: coffee.optionIds[0], quantity: 2, intervalWeeks: 2, addressId: me.addressId, paymentMethodId: me.cardId, agreeToRecurringPayment: true },
      { token: me.token, headers: { 'Idempotency-Key': `sys-sub-${run}` } },
    );
    expect(res.status).toBe(201);
    expect(res.body.firstOrder).toMatchObject({ status: 'PAID', cycle: 0, totalWon: 36_000 });
    sub = res.body.subscription;
    expect(sub).toMatchObject({ status: 'ACTIVE', quantity: 2, intervalWeeks: 2, preview: { quantity: 2, merchandiseWon: 36_000, shippingFeeWon: 0, totalWon: 36_000 } });
    expect(sub.consent.termsVersion).toEqual(expect.any(String));
    expect(sub.upcomingDates).toHaveLength(4);
    expect(sub.nextBillingDate).toBe(sub.upcomingDates[0]);

    // A repeat with the same key is the same subscription, charged once.
    const again = await api.user.post(
      '/api/subscriptions',
      { catalogItemId: coffee.itemId, optionId: coffee.optionIds[0], quantity: 2, intervalWeeks: 2, addressId: me.addressId, paymentMethodId: me.cardId, agreeToRecurringPayment: true },
      { token: me.token, headers: { 'Idempotency-Key': `sys-sub-${run}` } },
    );
    expect(again.body.subscription.id).toBe(sub.id);
    expect(await orders()).toHaveLength(1);
  });

  it('routes the paid box to the roaster (business-service GET /partner/orders)', async () => {
    const first = (await orders())[0];
    const routed = await waitFor(
      async () => (await api.business.get('/partner/orders?size=100', { token: partner.accessToken })).body.items.find((o: { orderId: string }) => o.orderId === first.id),
      'the routed partner order',
      30_000,
    );
    expect(routed).toMatchObject({ partnerId: partner.partnerId, subscriptionId: sub.id, totalWon: 36_000, stockReserved: true, lines: [{ optionId: coffee.optionIds[0], quantity: 2 }] });
  });

  it('renews two weeks later on the test clock: a second charge, the next date one interval on', async () => {
    const due = sub.nextBillingDate!;
    await moveClockToDate(due);
    await runBilling();
    const second = await orderOfCycle(1, 'PAID');
    expect(second).toMatchObject({ billingDate: due, totalWon: 36_000 });
    sub = await waitFor(async () => {
      const s = await getSub();
      return s.openOrder === null ? s : undefined;
    }, 'the renewal to close');
    expect(sub.nextBillingDate).toBe(addDays(due, 14));
  });

  it('skips the next box: nothing is charged on its date', async () => {
    const skippedDate = sub.nextBillingDate!;
    const skipped = await api.user.post(`/api/subscriptions/${sub.id}/skip`, undefined, { token: me.token });
    expect(skipped.status).toBe(200);
    expect(skipped.body.nextBillingDate).toBe(addDays(skippedDate, 14));
    await moveClockToDate(skippedDate);
    await runBilling();
    expect((await orders()).map((o) => o.cycle).sort()).toEqual([0, 1]);
    sub = await getSub();
    // The skipped box used up its cycle number (2): the next box is cycle 3.

    expect(sub.openOrder).toBeNull();
  });

  it('pauses open-ended (never charged while paused) and resumes on the original cadence', async () => {
    const before = sub.nextBillingDate!;
    const paused = await api.user.post(`/api/subscriptions/${sub.id}/pause`, {}, { token: me.token });
    expect(paused.body).toMatchObject({ status: 'PAUSED', nextBillingDate: null, upcomingDates: [] });
    await moveClockToDate(before);
    await runBilling();
    expect(await orders()).toHaveLength(2);
    // Resumed on the date that would have been billed: the next cadence date after today.
    const resumed = await api.user.post(`/api/subscriptions/${sub.id}/resume`, {}, { token: me.token });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'ACTIVE', nextBillingDate: addDays(before, 14) });
    sub = resumed.body;
  });

  it('a declined renewal is scheduled for a retry, and a newly registered card recovers it at once', async () => {
    await scriptCustomer(me.customerKey, { outcome: 'insufficient_funds' });
    const due = sub.nextBillingDate!;
    await moveClockToDate(due);
    await runBilling();
    const declined = await waitFor(async () => {
      const s = await getSub();
      return s.openOrder?.status === 'RETRY_SCHEDULED' ? s : undefined;
    }, 'the renewal to be declined and scheduled for a retry', 45_000);
    expect(declined.openOrder).toMatchObject({ lastFailureCode: 'REJECT_CARD_PAYMENT', nextAttemptAt: expect.any(String) });
    // Dunning for a 2-week plan: the first retry a day later.
    expect(declined.openOrder!.nextAttemptAt!.slice(0, 10) >= due).toBe(true);
    const notices = (await api.user.get('/api/me/notifications?size=50', { token: me.token })).body.items as { kind: string; data: { reason?: string } }[];
    expect(notices.find((n) => n.kind === 'PAYMENT_FAILED')?.data.reason).toBe('CARD_DECLINED');

    const newCard = await addCard(me.token, '9490131234567890');
    const recovered = await waitFor(async () => {
      const s = await getSub();
      return s.openOrder === null ? s : undefined;
    }, 'the open box to be charged on the new card', 45_000);
    expect(recovered.paymentMethodId).toBe(newCard);
    expect(recovered.nextBillingDate).toBe(addDays(due, 14));
    const box = await orderOfCycle(3, 'PAID');
    const detail: OrderDto = (await api.user.get(`/api/orders/${box.id}`, { token: me.token })).body;
    expect(detail.payments.map((p) => p.status)).toEqual(['DECLINED', 'APPROVED']);
    expect(detail.paidWon).toBe(36_000);
    sub = recovered;
  });

  it('reconciles with the sandbox: every paid box was charged once, for the amount in the ledger; no cycle twice', async () => {
    const all = await orders();
    // Cycle 2 was skipped by the subscriber: no order, no charge.
    expect(all.map((o) => o.cycle).sort()).toEqual([0, 1, 3]);
    for (const summary of all) {
      const order: OrderDto = (await api.user.get(`/api/orders/${summary.id}`, { token: me.token })).body;
      expect(order.status).toBe('PAID');
      const atToss = [];
      for (const attempt of order.payments) {
        const payment = await sandboxPayment(tossOrderId(sub.id, order.cycle!, attempt.attempt));
        if (payment?.status === 'DONE') atToss.push(payment);
        // What user-service recorded agrees with what the sandbox did, attempt by attempt.
        expect(payment?.status === 'DONE').toBe(attempt.status === 'APPROVED');
      }
      expect(atToss).toHaveLength(1);
      expect(atToss[0].totalAmount).toBe(order.paidWon);
      expect(order.paidWon).toBe(order.totalWon);
    }
    // Nothing was charged for the skipped cycle, nor for one after the last: the sandbox has no such attempt.
    expect(await sandboxPayment(tossOrderId(sub.id, 2, 1))).toBeNull();
    expect(await sandboxPayment(tossOrderId(sub.id, 4, 1))).toBeNull();
  });

  it('sells the last unit once: two subscribers, one first box PAID, the other STOCK_REFUSED and nothing charged', async () => {
    const [a, b] = await Promise.all([newSubscriberWithCard(`last-a-${run}`), newSubscriberWithCard(`last-b-${run}`)]);
    const body = (s: TestSubscriber) => ({ catalogItemId: coffee.itemId, optionId: coffee.optionIds[1], quantity: 1, intervalWeeks: 4, addressId: s.addressId, paymentMethodId: s.cardId, agreeToRecurringPayment: true });
    const answers = await Promise.all([a, b].map((s) => api.user.post('/api/subscriptions', body(s), { token: s.token })));
    // The read model may already know the option is gone (422 OUT_OF_STOCK); otherwise the reservation decides.
    const outcomes = await Promise.all(
      answers.map(async (res, i) => {
        if (res.status === 422) return res.body.code as string;
        expect(res.status).toBe(201);
        const s = [a, b][i];
        const subId = res.body.subscription.id as string;
        return waitFor(async () => {
          const first = (await orders(subId, s.token)).find((o) => o.cycle === 0);
          return first && ['PAID', 'STOCK_REFUSED', 'PAYMENT_FAILED'].includes(first.status) ? first.status : undefined;
        }, 'the first box to settle', 45_000);
      }),
    );
    expect(outcomes.filter((o) => o === 'PAID')).toHaveLength(1);
    const refusedIndex = outcomes.findIndex((o) => o !== 'PAID');
    expect(['STOCK_REFUSED', 'OUT_OF_STOCK']).toContain(outcomes[refusedIndex]);
    const refused = answers[refusedIndex];
    if (refused.status === 201) {
      const subId = refused.body.subscription.id as string;
      const s = [a, b][refusedIndex];
      const first = (await orders(subId, s.token)).find((o) => o.cycle === 0)!;
      const detail: OrderDto = (await api.user.get(`/api/orders/${first.id}`, { token: s.token })).body;
      expect(detail).toMatchObject({ status: 'STOCK_REFUSED', paidWon: 0, payments: [] });
      expect(await sandboxPayment(tossOrderId(subId, 0, 1))).toBeNull();
    }
    // The roaster has the one unit routed once.
    const routed = await waitFor(async () => {
      const items = (await api.business.get('/partner/orders?size=100', { token: partner.accessToken })).body.items as { lines: { optionId: string; quantity: number }[] }[];
      const forOption = items.filter((o) => o.lines.some((l) => l.optionId === coffee.optionIds[1]));
      return forOption.length > 0 ? forOption : undefined;
    }, 'the one routed order for the last unit', 30_000);
    expect(routed).toHaveLength(1);
  });
});
