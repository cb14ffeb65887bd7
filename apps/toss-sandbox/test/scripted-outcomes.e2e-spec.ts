import { TossApiError, TossOutcomeUnknownError, type TossBilling, type TossPayment } from '@roastery/toss';
import { eventually, rejectionOf } from './support/eventually';
import { newIdempotencyKey, newOrderId } from './support/ids';
import { CARD, startTestSandbox, type TestSandbox } from './support/sandbox-harness';

// Sandbox-only behaviour: scripted card outcomes, unknown outcomes and their reconciliation,
// in-flight idempotency, fault injection, the cancel burst rule and billing-key deletion.

describe('sandbox scripted outcomes', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ settings: { cancelBurstWindowMs: 0, slowChargeMs: 60_000 } });
  });
  afterAll(() => sandbox.close());

  const chargeOf = (billing: TossBilling, options: { amount?: number; orderId?: string; idempotencyKey?: string; timeoutMs?: number } = {}) =>
    sandbox
      .client()
      .chargeBillingKey(
        billing.billingKey,
        { customerKey: billing.customerKey, amount: options.amount ?? 4900, orderId: options.orderId ?? newOrderId(), orderName: '케냐 AA 200g' },
        { idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(), timeoutMs: options.timeoutMs },
      );

  const pendingCharges = () => sandbox.control<{ pending: number }>('GET', '/sandbox/pending-charges');
  const waitUntilHeld = () => eventually(async () => ((await pendingCharges()).pending > 0 ? true : undefined));
  const releaseHeld = () => sandbox.control('POST', '/sandbox/pending-charges/release');

  describe('declines chosen by the test card', () => {
    it.each([
      ['insufficient_funds', 'REJECT_CARD_PAYMENT', 'soft_decline', 403],
      ['stopped_card', 'INVALID_STOPPED_CARD', 'hard_decline', 400],
      ['expired_card', 'INVALID_CARD_EXPIRATION', 'hard_decline', 400],
      ['provider_error', 'PROVIDER_ERROR', 'transient', 400],
    ] as const)('%s answers %s (%s) and leaves an ABORTED payment', async (outcome, code, category, httpStatus) => {
      const billing = await sandbox.billingKey(CARD[outcome]);
      const orderId = newOrderId();
      const error = await rejectionOf(chargeOf(billing, { orderId }));
      expect(error).toBeInstanceOf(TossApiError);
      expect(error).toMatchObject({ code, category, httpStatus, outcomeUnknown: false });
      const aborted = await sandbox.client().getPaymentByOrderId(orderId);
      expect(aborted).toMatchObject({ status: 'ABORTED', failure: { code }, approvedAt: null });
    });

    it('keeps a declined orderId taken by default (a fresh orderId per attempt is the safe policy)', async () => {
      const billing = await sandbox.billingKey(CARD.insufficient_funds);
      const orderId = newOrderId();
      await rejectionOf(chargeOf(billing, { orderId }));
      await sandbox.script(billing.billingKey, { outcome: 'approve' });
      expect(await rejectionOf(chargeOf(billing, { orderId }))).toMatchObject({ code: 'DUPLICATED_ORDER_ID' });
      expect(await chargeOf(billing)).toMatchObject({ status: 'DONE' });
    });

    it('replays a declined answer for the same Idempotency-Key even after the card recovers', async () => {
      const billing = await sandbox.billingKey(CARD.insufficient_funds);
      const idempotencyKey = newIdempotencyKey();
      expect(await rejectionOf(chargeOf(billing, { idempotencyKey }))).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
      await sandbox.script(billing.billingKey, { outcome: 'approve' });
      expect(await rejectionOf(chargeOf(billing, { idempotencyKey }))).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
    });

    it('plays queued one-shot outcomes before the standing one', async () => {
      const billing = await sandbox.billingKey(CARD.approve);
      await sandbox.script(billing.billingKey, { next: ['insufficient_funds', 'stopped_card'] });
      expect(await rejectionOf(chargeOf(billing))).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
      expect(await rejectionOf(chargeOf(billing))).toMatchObject({ code: 'INVALID_STOPPED_CARD' });
      expect(await chargeOf(billing)).toMatchObject({ status: 'DONE' });
    });
  });

  it('scripts every billing key of a customer by customerKey', async () => {
    const customerKey = `cus_script_${Date.now()}`;
    const first = await sandbox.billingKey(CARD.approve, customerKey);
    const second = await sandbox.billingKey(CARD.approve, customerKey);
    expect(await sandbox.control('PUT', `/sandbox/customers/${customerKey}/script`, { next: ['insufficient_funds'] })).toEqual({ billingKeys: 2 });
    expect(await rejectionOf(chargeOf(first))).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
    expect(await rejectionOf(chargeOf(second))).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
    expect(await chargeOf(first)).toMatchObject({ status: 'DONE' });
  });

  describe('slow charges, timeouts and lost responses', () => {
    it('approves a very slow charge once it is let through', async () => {
      const billing = await sandbox.billingKey(CARD.very_slow);
      const pending = chargeOf(billing);
      await waitUntilHeld();
      await releaseHeld();
      expect(await pending).toMatchObject({ status: 'DONE' });
    });

    it('reports a timeout as an unknown outcome, then reconciles by lookup and by re-sending the same key', async () => {
      const billing = await sandbox.billingKey(CARD.very_slow);
      const orderId = newOrderId();
      const idempotencyKey = newIdempotencyKey();
      const error = await rejectionOf(chargeOf(billing, { orderId, idempotencyKey, timeoutMs: 150 }));
      expect(error).toBeInstanceOf(TossOutcomeUnknownError);
      expect(error).toMatchObject({ reason: 'timeout', category: 'outcome_unknown', isDecline: false });

      // The first request is still running: the same key is answered 409, not executed twice.
      expect(await rejectionOf(chargeOf(billing, { orderId, idempotencyKey }))).toMatchObject({ code: 'IDEMPOTENT_REQUEST_PROCESSING', category: 'outcome_unknown' });
      await releaseHeld();
      const found = await eventually(async () => {
        const payment = await sandbox.client().getPaymentByOrderId(orderId).catch(() => undefined);
        return payment?.status === 'DONE' ? payment : undefined;
      });
      const replayed = await eventually(() => chargeOf(billing, { orderId, idempotencyKey }).catch(() => undefined));
      expect(replayed.paymentKey).toBe(found.paymentKey);
    });

    it('answers 409 to a concurrent duplicate while the first is in flight, then replays the first answer', async () => {
      const billing = await sandbox.billingKey(CARD.very_slow);
      const orderId = newOrderId();
      const idempotencyKey = newIdempotencyKey();
      const first = chargeOf(billing, { orderId, idempotencyKey });
      await waitUntilHeld();
      const duplicate = await rejectionOf(chargeOf(billing, { amount: 9999, orderId: newOrderId(), idempotencyKey }));
      expect(duplicate).toMatchObject({ code: 'IDEMPOTENT_REQUEST_PROCESSING', httpStatus: 409, outcomeUnknown: true });
      await releaseHeld();
      const approved = await first;
      const again = await chargeOf(billing, { amount: 9999, orderId: newOrderId(), idempotencyKey });
      expect(again).toEqual(approved);
    });

    it('approves but loses the response: unknown outcome, then the same key returns the payment', async () => {
      const billing = await sandbox.billingKey(CARD.response_lost);
      const orderId = newOrderId();
      const idempotencyKey = newIdempotencyKey();
      const error = await rejectionOf(chargeOf(billing, { orderId, idempotencyKey }));
      expect(error).toBeInstanceOf(TossOutcomeUnknownError);
      expect(error).toMatchObject({ reason: 'network', outcomeUnknown: true });
      const found = await sandbox.client().getPaymentByOrderId(orderId);
      expect(found.status).toBe('DONE');
      const replayed: TossPayment = await chargeOf(billing, { orderId, idempotencyKey });
      expect(replayed.paymentKey).toBe(found.paymentKey);
    });
  });

  describe('fault injection', () => {
    afterEach(() => sandbox.control('DELETE', '/sandbox/faults'));

    it('adds latency (a client deadline below it sees an unknown outcome)', async () => {
      await sandbox.putFaults({ latencyMs: 400 });
      const error = await rejectionOf(sandbox.client({ timeouts: { readMs: 100 } }).getPayment('whatever'));
      expect(error).toMatchObject({ reason: 'timeout', category: 'outcome_unknown' });
    });

    it('fails before doing anything', async () => {
      const billing = await sandbox.billingKey();
      await sandbox.putFaults({ errorRate: 1, errorCode: 'PROVIDER_ERROR', pathPrefix: '/v1/billing' });
      const orderId = newOrderId();
      expect(await rejectionOf(chargeOf(billing, { orderId }))).toMatchObject({ code: 'PROVIDER_ERROR', category: 'transient' });
      await sandbox.control('DELETE', '/sandbox/faults');
      expect(await rejectionOf(sandbox.client().getPaymentByOrderId(orderId))).toMatchObject({ code: 'NOT_FOUND_PAYMENT' });
    });

    it('fails after committing (server error on a mutation is an unknown outcome)', async () => {
      const billing = await sandbox.billingKey();
      await sandbox.putFaults({ errorRate: 1, errorPhase: 'after', pathPrefix: '/v1/billing' });
      const orderId = newOrderId();
      expect(await rejectionOf(chargeOf(billing, { orderId }))).toMatchObject({ code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', category: 'outcome_unknown' });
      expect(await sandbox.client().getPaymentByOrderId(orderId)).toMatchObject({ status: 'DONE' });
    });
  });

  describe('raw protocol checks the client never lets through', () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${sandbox.url}/v1/payments/any-payment/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ cancelReason: 'x' }) });
    const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;

    it('refuses a Basic value without the colon, and an Idempotency-Key over 300 characters', async () => {
      const noColon = await post({ Authorization: basic('test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R') });
      expect([noColon.status, await noColon.json()]).toEqual([403, expect.objectContaining({ code: 'INCORRECT_BASIC_AUTH_FORMAT' })]);
      const longKey = await post({ Authorization: basic('test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R:'), 'Idempotency-Key': 'k'.repeat(301) });
      expect([longKey.status, await longKey.json()]).toEqual([400, expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY' })]);
    });
  });

  describe('cancels and billing keys', () => {
    it('processes only the first of two cancels of one payment within the burst window', async () => {
      const billing = await sandbox.billingKey();
      const payment = await chargeOf(billing, { amount: 10000 });
      await sandbox.patchSettings({ cancelBurstWindowMs: 600_000 });
      try {
        const cancel = () => sandbox.client().cancelPayment(payment.paymentKey, { cancelReason: '연속 요청', cancelAmount: 1000 }, { idempotencyKey: newIdempotencyKey() });
        await cancel();
        expect(await rejectionOf(cancel())).toMatchObject({ code: 'FORBIDDEN_CONSECUTIVE_REQUEST', category: 'transient' });
      } finally {
        await sandbox.patchSettings({ cancelBurstWindowMs: 0 });
      }
    });

    it('refuses a partial cancel of a payment with a tax exemption, but allows the full cancel', async () => {
      const billing = await sandbox.billingKey();
      const payment = await sandbox
        .client()
        .chargeBillingKey(billing.billingKey, { customerKey: billing.customerKey, amount: 5500, taxExemptionAmount: 500, orderId: newOrderId(), orderName: '컵 보증금 포함' }, { idempotencyKey: newIdempotencyKey() });
      expect(payment.isPartialCancelable).toBe(false);
      const cancel = (cancelAmount?: number) => sandbox.client().cancelPayment(payment.paymentKey, { cancelReason: '환불', cancelAmount }, { idempotencyKey: newIdempotencyKey() });
      expect(await rejectionOf(cancel(1000))).toMatchObject({ code: 'NOT_ALLOWED_PARTIAL_REFUND' });
      expect(await cancel()).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    });

    it('deletes a billing key: empty 200, then NOT_FOUND_BILLING for a second delete and for charges', async () => {
      const billing = await sandbox.billingKey();
      await sandbox.client().deleteBillingKey(billing.billingKey);
      expect(await rejectionOf(sandbox.client().deleteBillingKey(billing.billingKey))).toMatchObject({ code: 'NOT_FOUND_BILLING' });
      expect(await rejectionOf(chargeOf(billing))).toMatchObject({ code: 'NOT_FOUND_BILLING', category: 'hard_decline' });
    });
  });
});
