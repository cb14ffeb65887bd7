import { seoulDate } from '@roastery/clock';
import { type EventDefinition, fulfilmentStatusChanged, orderPaid, type PayloadOf, refundCompleted, refundRefused, refundRequested } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, fillBillingAuthWindow, type TestApp, waitFor } from '@roastery/testing';
import { type TossPayment, TossClient } from '@roastery/toss';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

type Paid = PayloadOf<typeof orderPaid>;
type Completed = PayloadOf<typeof refundCompleted>;

describe('admin-service: payment oversight', () => {
  let t: TestApp;
  let adminId: string;
  let admin: string;
  let toss: TossClient;

  beforeAll(async () => {
    // A page of 2 rows makes the reconciliation walk several pages of the sandbox's listing.
    t = await createTestApp(createApp, { service: 'admin-payments', withIssuer: true, withTossSandbox: true, env: { RECONCILIATION_PAGE_SIZE: '2' } });
    adminId = randomUUID();
    admin = await t.issuer!.token({ userId: adminId, roles: ['ADMIN'] });
    toss = new TossClient({ secretKey: 'test_sk_admin_payments_e2e', baseUrl: t.sandbox!.url });
  }, 90_000);
  afterAll(() => t.close());

  /** Publishes an event as its producer would and waits until admin-service's handler committed it. */
  async function deliver<D extends EventDefinition>(def: D, handler: string, payload: PayloadOf<D>, aggregateId: string): Promise<void> {
    const envelope = buildEnvelope(def, payload, { source: def.type === fulfilmentStatusChanged.type ? 'business-service' : 'user-service', aggregateId, aggregateVersion: 1 });
    await t.bus.publishRaw(def.type, envelope);
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM inbox WHERE handler = $1 AND message_id = $2`, [handler, envelope.id])).length > 0, `${def.type} consumed`);
  }

  const line = (partnerId: string, unitPriceWon: number, quantity = 1) => ({
    lineId: randomUUID(),
    catalogItemId: randomUUID(),
    productId: randomUUID(),
    optionId: randomUUID(),
    partnerId,
    productName: '에티오피아 예가체프',
    optionLabel: '200g',
    quantity,
    unitPriceWon,
  });
  /** order.paid with one line per partner; the total is the lines' sum unless given. */
  async function paid(o: { userId?: string; partners?: string[]; prices?: number[]; paidAt?: string; totalWon?: number; paymentKey?: string; tossOrderId?: string } = {}): Promise<Paid> {
    const partners = o.partners ?? [randomUUID()];
    const lines = partners.map((p, i) => line(p, o.prices?.[i] ?? 10_000));
    const payload: Paid = {
      orderId: randomUUID(),
      userId: o.userId ?? randomUUID(),
      subscriptionId: null,
      lines,
      shippingFees: [],
      totalWon: o.totalWon ?? lines.reduce((s, l) => s + l.unitPriceWon * l.quantity, 0),
      shipTo: null,
      paidAt: o.paidAt ?? '2024-06-10T03:00:00.000Z',
      ...(o.paymentKey && { paymentKey: o.paymentKey }),
      ...(o.tossOrderId && { tossOrderId: o.tossOrderId }),
    };
    await deliver(orderPaid, 'admin.payments.record-paid', payload, payload.orderId);
    return payload;
  }
  async function completed(p: Paid, amountWon: number, o: Partial<Completed> = {}): Promise<Completed> {
    const payload: Completed = {
      refundId: randomUUID(),
      orderId: p.orderId,
      userId: p.userId,
      paymentKey: p.paymentKey ?? `pk_${p.orderId.slice(0, 8)}`,
      amountWon,
      lines: [{ lineId: p.lines[0]!.lineId!, partnerId: p.lines[0]!.partnerId, amountWon }],
      shippingWon: 0,
      balanceWon: p.totalWon - amountWon,
      reason: '원두 파손',
      requestedBy: { role: 'PARTNER', userId: randomUUID(), partnerId: p.lines[0]!.partnerId },
      completedAt: '2024-06-11T01:00:00.000Z',
      ...o,
    };
    await deliver(refundCompleted, 'admin.payments.record-refund-completed', payload, payload.refundId);
    return payload;
  }
  const refundOf = async (id: string) => (await t.http.get(`/admin/refunds/${id}`, { token: admin })).body;
  const detailOf = async (orderId: string) => (await t.http.get(`/admin/payments/${orderId}`, { token: admin })).body;
  const search = async (query: string) => {
    const res = await t.http.get(`/admin/payments?${query}`, { token: admin });
    expect(res.status).toBe(200);
    return res.body as { items: { orderId: string; status: string }[]; total: number };
  };
  const requestsSent = async (orderId: string) =>
    Number((await t.db.query(`SELECT count(*) FROM outbox WHERE type = 'refund.requested' AND envelope->'payload'->>'orderId' = $1`, [orderId]))[0].count);

  it('keeps payments from order.paid and finds them by subscriber, partner, order, status and Seoul date', async () => {
    const [subscriber, other, p1, p2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // 2024-03-01 23:30 KST and 2024-03-02 00:30 KST: one Seoul day apart although 1 hour apart.
    const a = await paid({ userId: subscriber, partners: [p1], paidAt: '2024-03-01T14:30:00.000Z' });
    const b = await paid({ userId: other, partners: [p1, p2], prices: [12_000, 8_000], paidAt: '2024-03-01T15:30:00.000Z' });
    const c = await paid({ userId: subscriber, partners: [p2], paidAt: '2024-03-03T02:00:00.000Z' });
    await completed(b, 5_000);
    await completed(c, 10_000);

    expect((await search(`subscriber=${subscriber}`)).items.map((p) => p.orderId)).toEqual([c.orderId, a.orderId]);
    expect((await search(`partnerId=${p1}`)).items.map((p) => p.orderId)).toEqual([b.orderId, a.orderId]);
    expect((await search(`partnerId=${p2}`)).items.map((p) => p.orderId)).toEqual([c.orderId, b.orderId]);
    const byOrder = await search(`orderId=${b.orderId}`);
    expect(byOrder).toMatchObject({ total: 1, page: 1, size: 20 });
    expect(byOrder.items[0]).toEqual({
      orderId: b.orderId,
      userId: other,
      subscriptionId: null,
      partnerIds: [p1, p2],
      totalWon: 20_000,
      refundedWon: 5_000,
      balanceWon: 15_000,
      status: 'PARTIALLY_REFUNDED',
      paidAt: '2024-03-01T15:30:00.000Z',
      paymentKey: expect.stringMatching(/^pk_/),
      tossOrderId: null,
    });
    expect((await search(`partnerId=${p1}&status=PARTIALLY_REFUNDED`)).items.map((p) => p.orderId)).toEqual([b.orderId]);
    expect((await search(`partnerId=${p2}&status=REFUNDED`)).items.map((p) => p.orderId)).toEqual([c.orderId]);
    expect((await search(`partnerId=${p1}&status=PAID`)).items.map((p) => p.orderId)).toEqual([a.orderId]);
    expect((await search(`partnerId=${p1}&from=2024-03-02&to=2024-03-02`)).items.map((p) => p.orderId)).toEqual([b.orderId]);
    expect((await search(`partnerId=${p1}&to=2024-03-01`)).items.map((p) => p.orderId)).toEqual([a.orderId]);
    expect((await search(`subscriber=${subscriber}&from=2024-03-02`)).items.map((p) => p.orderId)).toEqual([c.orderId]);
    const paged = await search(`subscriber=${subscriber}&page=2&size=1`);
    expect(paged).toMatchObject({ total: 2, items: [{ orderId: a.orderId }] });

    for (const bad of ['status=VOID', 'from=2026-3-1', 'subscriber=nobody', 'size=1000', 'unknown=1']) {
      const res = await t.http.get(`/admin/payments?${bad}`, { token: admin });
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });

  it('shows a payment with its lines, partner parts, refunds and ledger rows', async () => {
    const partner = randomUUID();
    const p = await paid({ partners: [partner, randomUUID()], prices: [15_000, 9_000], paymentKey: 'pk_detail_0001', tossOrderId: 'o-detail-a1' });
    const r1 = await completed(p, 4_000, { completedAt: '2024-06-11T01:00:00.000Z' });
    const r2 = await completed(p, 6_000, { completedAt: '2024-06-12T01:00:00.000Z', requestedBy: { role: 'SYSTEM', userId: null, partnerId: null } });
    const partnerOrderId = randomUUID();
    const part = { orderId: p.orderId, partnerOrderId, partnerId: partner, userId: p.userId, carrier: null, trackingNumber: null };
    await deliver(fulfilmentStatusChanged, 'admin.payments.record-fulfilment', { ...part, status: 'SHIPPED', version: 3, carrier: 'CJ대한통운', trackingNumber: '1234567890', changedAt: '2024-06-10T05:00:00.000Z' }, partnerOrderId);
    // A stale copy (version 2) arriving late changes nothing.
    await deliver(fulfilmentStatusChanged, 'admin.payments.record-fulfilment', { ...part, status: 'PREPARING', version: 2, changedAt: '2024-06-10T04:00:00.000Z' }, partnerOrderId);

    const d = await detailOf(p.orderId);
    expect(d).toMatchObject({
      orderId: p.orderId,
      totalWon: 24_000,
      refundedWon: 10_000,
      balanceWon: 14_000,
      pendingWon: 0,
      status: 'PARTIALLY_REFUNDED',
      paymentKey: 'pk_detail_0001',
      tossOrderId: 'o-detail-a1',
      lines: [expect.objectContaining({ partnerId: partner, unitPriceWon: 15_000, productName: '에티오피아 예가체프' }), expect.objectContaining({ unitPriceWon: 9_000 })],
      fulfilment: [{ partnerOrderId, partnerId: partner, status: 'SHIPPED', carrier: 'CJ대한통운', trackingNumber: '1234567890', changedAt: '2024-06-10T05:00:00.000Z' }],
    });
    expect(d.ledger).toEqual([
      { kind: 'CHARGE', refundId: null, amountWon: 24_000, balanceWon: 24_000, at: p.paidAt },
      { kind: 'REFUND', refundId: r1.refundId, amountWon: -4_000, balanceWon: 20_000, at: r1.completedAt },
      { kind: 'REFUND', refundId: r2.refundId, amountWon: -6_000, balanceWon: 14_000, at: r2.completedAt },
    ]);
    expect(d.refunds).toEqual([
      expect.objectContaining({ refundId: r1.refundId, status: 'COMPLETED', amountWon: 4_000, reason: '원두 파손', requestedBy: r1.requestedBy, balanceAfterWon: 20_000 }),
      expect.objectContaining({ refundId: r2.refundId, status: 'COMPLETED', amountWon: 6_000, requestedBy: { role: 'SYSTEM', userId: null, partnerId: null } }),
    ]);
    expect((await t.http.get(`/admin/payments/${randomUUID()}`, { token: admin })).status).toBe(404);
    expect((await t.http.get('/admin/payments/not-a-uuid', { token: admin })).status).toBe(404);
  });

  it('counts every refund when refund.completed events of one payment are consumed at once (a backlog after an outage)', async () => {
    const p = await paid({ prices: [50_000], paymentKey: 'pk_burst_0001' });
    // Consumed concurrently (prefetch): each handler recounts the payment's refunded sum.
    await Promise.all(Array.from({ length: 10 }, (_, i) => completed(p, 1_000 + i, { completedAt: `2024-06-11T01:00:0${i}.000Z` })));
    const d = await detailOf(p.orderId);
    expect(d.refunds).toHaveLength(10);
    expect(d).toMatchObject({ refundedWon: 10_045, balanceWon: 39_955, status: 'PARTIALLY_REFUNDED' });
  });

  it('sends an admin refund as refund.requested with an audit entry, and follows it to COMPLETED or REFUSED', async () => {
    const p = await paid({ prices: [30_000], paymentKey: 'pk_admin_refund_01' });
    const res = await t.http.post(`/admin/payments/${p.orderId}/refund`, { amount: 12_000, reason: '고객 요청: 배송 지연' }, { token: admin });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ refundId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'REQUESTED' });
    const { refundId } = res.body;
    expect(refundId.charAt(14)).toBe('7'); // uuid v7

    const message = await t.bus.waitForMessage(refundRequested.type, (m) => (m.payload as { refundId: string }).refundId === refundId);
    expect(message.payload).toEqual({ refundId, orderId: p.orderId, amountWon: 12_000, reason: '고객 요청: 배송 지연', requestedBy: { role: 'ADMIN', userId: adminId, partnerId: null }, requestedAt: expect.any(String) });
    expect(message).toMatchObject({ source: 'admin-service', aggregateId: refundId });
    expect(await refundOf(refundId)).toMatchObject({ refundId, status: 'REQUESTED', amountWon: 12_000, requestedBy: { role: 'ADMIN', userId: adminId } });
    expect(await detailOf(p.orderId)).toMatchObject({ balanceWon: 30_000, pendingWon: 12_000, status: 'PAID' });
    const audit = await t.http.get(`/admin/audit-log?targetId=${p.orderId}`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'payment.refund.request', actorId: adminId, targetType: 'payment', details: expect.objectContaining({ refundId, amountWon: 12_000 }) })]);

    // user-service refunds it: the request becomes COMPLETED and the balance drops.
    await completed(p, 12_000, { refundId, reason: '고객 요청: 배송 지연', requestedBy: { role: 'ADMIN', userId: adminId, partnerId: null }, paymentKey: 'pk_admin_refund_01' });
    expect(await refundOf(refundId)).toMatchObject({ status: 'COMPLETED', amountWon: 12_000, completedAt: expect.any(String), refusal: null });
    expect(await detailOf(p.orderId)).toMatchObject({ refundedWon: 12_000, balanceWon: 18_000, pendingWon: 0, status: 'PARTIALLY_REFUNDED' });

    // A second request is refused by user-service (e.g. Toss refused): REFUSED with the reason, balance unchanged.
    const second = (await t.http.post(`/admin/payments/${p.orderId}/refund`, { amount: 18_000, reason: '전액 환불' }, { token: admin })).body.refundId;
    await deliver(refundRefused, 'admin.payments.record-refund-refused', { refundId: second, orderId: p.orderId, code: 'PROVIDER_REFUSED', message: 'Toss refused the cancel', refusedAt: '2024-06-12T00:00:00.000Z' }, second);
    expect(await refundOf(second)).toMatchObject({ status: 'REFUSED', amountWon: 18_000, refusal: { code: 'PROVIDER_REFUSED', message: 'Toss refused the cancel' } });
    expect(await detailOf(p.orderId)).toMatchObject({ balanceWon: 18_000, pendingWon: 0 });
    // A late refusal of the completed refund does not undo it.
    await deliver(refundRefused, 'admin.payments.record-refund-refused', { refundId, orderId: p.orderId, code: 'ABOVE_BALANCE', message: 'late', refusedAt: '2024-06-12T00:00:00.000Z' }, refundId);
    expect((await refundOf(refundId)).status).toBe('COMPLETED');
    expect((await t.http.get(`/admin/refunds/${randomUUID()}`, { token: admin })).status).toBe(404);
  });

  it('refuses bad refund requests with a clear 4xx and sends nothing', async () => {
    const p = await paid({ prices: [10_000] });
    const refund = (body: unknown, token = admin, orderId = p.orderId) => t.http.post(`/admin/payments/${orderId}/refund`, body, { token });

    for (const body of [{ amount: 0, reason: 'x' }, { amount: -5, reason: 'x' }, { amount: 1.5, reason: 'x' }, { amount: 1000 }, { amount: 1000, reason: '   ' }, { amount: 1000, reason: 'x', extra: 1 }]) {
      const res = await refund(body);
      expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
    }
    const above = await refund({ amount: 10_001, reason: '초과' });
    expect(above.status).toBe(422);
    expect(above.body).toMatchObject({ code: 'REFUND_ABOVE_BALANCE', message: expect.stringContaining('above the refundable balance 10000'), details: { reason: 'ABOVE_BALANCE', balanceWon: 10_000 } });
    expect((await refund({ amount: 1000, reason: '없는 주문' }, admin, randomUUID())).status).toBe(404);
    const subscriber = await t.issuer!.token({ userId: p.userId, roles: ['SUBSCRIBER'] });
    expect((await refund({ amount: 1000, reason: '내 주문' }, subscriber)).status).toBe(403);
    expect((await t.http.get(`/admin/payments?subscriber=${p.userId}`, { token: subscriber })).status).toBe(403);
    expect((await t.http.get(`/admin/payments/${p.orderId}`)).status).toBe(401);
    expect(await requestsSent(p.orderId)).toBe(0);

    // Requests still unanswered count against the balance: 6,000 pending leaves 4,000 to ask for.
    expect((await refund({ amount: 6_000, reason: '부분 환불' })).status).toBe(202);
    const more = await refund({ amount: 5_000, reason: '부분 환불 2' });
    expect(more.status).toBe(422);
    expect(more.body.details).toMatchObject({ balanceWon: 10_000, pendingWon: 6_000, availableWon: 4_000 });
    expect((await refund({ amount: 4_000, reason: '나머지' })).status).toBe(202);
    expect(await requestsSent(p.orderId)).toBe(2);
    expect(Number((await t.db.query(`SELECT count(*) FROM payment_refunds WHERE order_id = $1`, [p.orderId]))[0].count)).toBe(2);
  });

  it('asks once for a refund retried with the same Idempotency-Key, even when the stored answer is gone', async () => {
    const p = await paid({ prices: [20_000] });
    const key = randomUUID();
    const send = (body = { amount: 5_000, reason: '중복 클릭' }) => t.http.post(`/admin/payments/${p.orderId}/refund`, body, { token: admin, headers: { 'Idempotency-Key': key } });
    const first = await send();
    expect(first.status).toBe(202);
    const again = await send();
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await send({ amount: 6_000, reason: '다른 요청' })).status).toBe(422); // same key, other body: IDEMPOTENCY_KEY_REUSED

    // The answer was lost after the commit (key row gone): the refund row's own key returns the same refund.
    await t.db.query(`DELETE FROM http_idempotency_keys WHERE key = $1`, [key]);
    const rerun = await send();
    expect(rerun.status).toBe(202);
    expect(rerun.headers.get('idempotent-replayed')).toBeNull();
    expect(rerun.body.refundId).toBe(first.body.refundId);
    expect(await requestsSent(p.orderId)).toBe(1);
    expect((await detailOf(p.orderId)).pendingWon).toBe(5_000);
  });

  describe('reconciliation with the toss-sandbox', () => {
    let billingKey: string;
    const customerKey = `cus_${randomUUID().replace(/-/g, '')}`;
    let n = 0;
    const charge = async (amount: number): Promise<TossPayment> => {
      const orderId = `recon-${Date.now().toString(36)}-${(n += 1)}`;
      return toss.chargeBillingKey(billingKey, { customerKey, amount, orderId, orderName: '정기배송 원두' }, { idempotencyKey: `charge-${orderId}` });
    };
    const cancel = async (payment: TossPayment, amount: number): Promise<TossPayment> =>
      toss.cancelPayment(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: amount }, { idempotencyKey: `cancel-${payment.paymentKey}-${amount}` });
    const paidAtToss = (payment: TossPayment, o: { totalWon?: number } = {}) =>
      paid({ prices: [payment.totalAmount], totalWon: o.totalWon, paymentKey: payment.paymentKey, tossOrderId: payment.orderId, paidAt: new Date(payment.approvedAt!).toISOString() });
    const canceledAt = (payment: TossPayment) => new Date(payment.cancels!.at(-1)!.canceledAt).toISOString();

    beforeAll(async () => {
      const window = await fillBillingAuthWindow(`${t.sandbox!.url}/window/billing-auth`, customerKey);
      if (!window.ok) throw new Error(`window refused: ${window.code}`);
      billingKey = (await toss.issueBillingKey({ authKey: window.authKey, customerKey }, { idempotencyKey: `issue-${customerKey}` })).billingKey;
    });

    it('lists every page of the Toss transactions of the day and exactly the mismatches, with totals on both sides', async () => {
      // Agrees: charged 10,000, 3,000 refunded on both sides.
      const agreed = await charge(10_000);
      const agreedPaid = await paidAtToss(agreed);
      const agreedCancel = await cancel(agreed, 3_000);
      await completed(agreedPaid, 3_000, { paymentKey: agreed.paymentKey, completedAt: canceledAt(agreedCancel) });
      // Amount mismatch: Toss approved 20,000, we were told 21,000.
      const differing = await charge(20_000);
      const differingPaid = await paidAtToss(differing, { totalWon: 21_000 });
      // Missing here: charged at Toss, never announced.
      const unannounced = await charge(5_000);
      // Refund mismatch: Toss cancelled 2,000, we recorded 2,500.
      const refunded = await charge(8_000);
      const refundedPaid = await paidAtToss(refunded);
      const refundedCancel = await cancel(refunded, 2_000);
      const ourRefund = await completed(refundedPaid, 2_500, { paymentKey: refunded.paymentKey, completedAt: canceledAt(refundedCancel) });
      // Missing at Toss: announced with a paymentKey Toss never issued.
      const phantom = await paid({ prices: [7_000], paymentKey: 'pk_never_charged_0001', tossOrderId: 'o-phantom-a1', paidAt: new Date(agreed.approvedAt!).toISOString() });

      const days = [...new Set([agreed.approvedAt!, refundedCancel.cancels!.at(-1)!.canceledAt].map((x) => seoulDate(new Date(x))))].sort();
      const url = days.length === 1 ? `/admin/payments/reconciliation?date=${days[0]}` : `/admin/payments/reconciliation?from=${days[0]}&to=${days.at(-1)}`;
      const res = await t.http.get(url, { token: admin });
      expect(res.status).toBe(200);
      const report = res.body;
      expect(report).toMatchObject({ from: days[0], to: days.at(-1), toss: { baseUrl: t.sandbox!.url, mode: 'test', transactions: 6 }, matchedCharges: 2 });
      // 6 transactions at 2 a page: the walk followed the cursor to the end.
      expect(report.toss.pages).toBe(3);
      expect(report.totals).toEqual({
        ours: { charges: 4, chargedWon: 10_000 + 21_000 + 8_000 + 7_000, refunds: 2, refundedWon: 5_500, netWon: 46_000 - 5_500 },
        toss: { charges: 4, chargedWon: 10_000 + 20_000 + 5_000 + 8_000, refunds: 2, refundedWon: 5_000, netWon: 43_000 - 5_000 },
      });
      const kinds = (report.mismatches as { kind: string }[]).map((m) => m.kind).sort();
      expect(kinds).toEqual(['AMOUNT_MISMATCH', 'MISSING_AT_TOSS', 'MISSING_HERE', 'REFUND_MISMATCH']);
      const byKind = Object.fromEntries((report.mismatches as { kind: string }[]).map((m) => [m.kind, m]));
      expect(byKind['AMOUNT_MISMATCH']).toMatchObject({ orderId: differingPaid.orderId, paymentKey: differing.paymentKey, tossOrderId: differing.orderId, ourAmountWon: 21_000, tossAmountWon: 20_000, transactionKeys: [expect.any(String)] });
      expect(byKind['MISSING_HERE']).toMatchObject({ orderId: null, paymentKey: unannounced.paymentKey, tossOrderId: unannounced.orderId, ourAmountWon: null, tossAmountWon: 5_000 });
      expect(byKind['MISSING_AT_TOSS']).toMatchObject({ orderId: phantom.orderId, paymentKey: 'pk_never_charged_0001', ourAmountWon: 7_000, tossAmountWon: null });
      expect(byKind['REFUND_MISMATCH']).toMatchObject({
        orderId: refundedPaid.orderId,
        paymentKey: refunded.paymentKey,
        ourAmountWon: 2_500,
        tossAmountWon: 2_000,
        refundIds: [ourRefund.refundId],
        transactionKeys: [refundedCancel.lastTransactionKey],
      });
    });

    it('refuses a malformed or too long period with 400, and non-admins with 403', async () => {
      for (const q of ['', 'date=2026-13-01', 'date=2024-06-01&from=2024-06-01', 'from=2024-06-02&to=2024-06-01', 'from=2024-01-01&to=2024-03-01', 'date=yesterday']) {
        const res = await t.http.get(`/admin/payments/reconciliation?${q}`, { token: admin });
        expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      }
      const subscriber = await t.issuer!.token({ userId: randomUUID(), roles: ['SUBSCRIBER'] });
      expect((await t.http.get('/admin/payments/reconciliation?date=2024-06-01', { token: subscriber })).status).toBe(403);
    });
  });
});
