import { TossApiError, TossClient, type TossClientOptions } from '@roastery/toss';
import { rejectionOf } from './eventually';
import { newIdempotencyKey, newOrderId } from './ids';

/** A Toss implementation the contract suite runs against: the sandbox, or Toss's test environment. */
export interface ContractTarget {
  /** A client pointed at the target. */
  client(options?: Partial<TossClientOptions>): TossClient;
  /** A billing key to charge, or undefined when the target cannot provide one (charge tests are skipped). */
  billingKey(): Promise<{ billingKey: string; customerKey: string } | undefined>;
  /** Waits long enough between two cancels of one payment (Toss refuses a second one within 1 s). */
  cancelSpacing(): Promise<void>;
}

/** Expects a TossApiError with this code and category. */
function expectTossError(error: unknown, code: string, category: string): void {
  expect(error).toBeInstanceOf(TossApiError);
  expect(error).toMatchObject({ code, category });
}

/**
 * The behaviour the client relies on, written once and run against every target. Tests that
 * need a billing key are skipped when the target has none (the real environment needs
 * TOSS_TEST_BILLING_KEY and TOSS_TEST_CUSTOMER_KEY, since issuing one takes a browser).
 */
export function defineContractSuite(getTarget: () => ContractTarget): void {
  let client: TossClient;
  let key: { billingKey: string; customerKey: string } | undefined;

  beforeAll(async () => {
    client = getTarget().client();
    key = await getTarget().billingKey();
  });

  const charge = (amount: number, orderId = newOrderId(), idempotencyKey = newIdempotencyKey()) =>
    client.chargeBillingKey(key!.billingKey, { customerKey: key!.customerKey, amount, orderId, orderName: '싱글 오리진 원두 정기배송' }, { idempotencyKey });

  /** Runs only when the target provided a billing key. */
  const withKey = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (!key) return;
      await fn();
    });

  describe('charges and lookups', () => {
    withKey('approves a charge synchronously as a BILLING payment with Toss VAT rule', async () => {
      const payment = await charge(4900);
      expect(payment).toMatchObject({ type: 'BILLING', status: 'DONE', method: '카드', totalAmount: 4900, balanceAmount: 4900, vat: 445, suppliedAmount: 4455, currency: 'KRW', cancels: null });
      expect(payment.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    });

    withKey('finds the payment by paymentKey and by orderId', async () => {
      const orderId = newOrderId();
      const payment = await charge(15000, orderId);
      expect(await client.getPayment(payment.paymentKey)).toMatchObject({ paymentKey: payment.paymentKey, orderId, vat: 1364 });
      expect(await client.getPaymentByOrderId(orderId)).toMatchObject({ paymentKey: payment.paymentKey, status: 'DONE' });
    });

    it('answers NOT_FOUND_PAYMENT for an unknown payment', async () => {
      expectTossError(await rejectionOf(client.getPayment('tsbox-no-such-payment-000')), 'NOT_FOUND_PAYMENT', 'bug');
      expectTossError(await rejectionOf(client.getPaymentByOrderId(newOrderId('missing'))), 'NOT_FOUND_PAYMENT', 'bug');
    });

    withKey('refuses a customerKey other than the billing key owner', async () => {
      const error = await rejectionOf(
        client.chargeBillingKey(key!.billingKey, { customerKey: 'someone-else-123', amount: 1000, orderId: newOrderId(), orderName: '원두' }, { idempotencyKey: newIdempotencyKey() }),
      );
      expectTossError(error, 'NOT_MATCHES_CUSTOMER_KEY', 'bug');
    });

    withKey('validates orderId (6–64 chars of [A-Za-z0-9_-]) and the card minimum of 100 won', async () => {
      for (const orderId of ['short', 'has space 123', 'ok-but-not-ok!', 'x'.repeat(65)]) {
        expectTossError(await rejectionOf(charge(1000, orderId)), 'INVALID_ORDER_ID', 'bug');
      }
      expectTossError(await rejectionOf(charge(99)), 'BELOW_MINIMUM_AMOUNT', 'bug');
    });

    withKey('refuses an orderId that was already approved (look it up, do not retry)', async () => {
      const orderId = newOrderId();
      await charge(1000, orderId);
      const error = await rejectionOf(charge(1000, orderId));
      expectTossError(error, 'DUPLICATED_ORDER_ID', 'outcome_unknown');
      expect((error as TossApiError).outcomeUnknown).toBe(true);
    });
  });

  describe('idempotency', () => {
    withKey('replays the first answer for the same key and route, whatever the body', async () => {
      const idempotencyKey = newIdempotencyKey();
      const first = await charge(1000, newOrderId(), idempotencyKey);
      const second = await charge(2000, newOrderId(), idempotencyKey);
      expect(second.paymentKey).toBe(first.paymentKey);
      expect(second.totalAmount).toBe(1000);
      expect(second.orderId).toBe(first.orderId);
    });

    withKey('treats the same key on another route as a different request', async () => {
      const idempotencyKey = newIdempotencyKey();
      const payment = await charge(3000, newOrderId(), idempotencyKey);
      const cancelled = await client.cancelPayment(payment.paymentKey, { cancelReason: '같은 키, 다른 경로' }, { idempotencyKey });
      expect(cancelled.status).toBe('CANCELED');
    });
  });

  describe('cancels', () => {
    withKey('accounts partial and full cancels against the balance, with refundableAmount', async () => {
      const target = getTarget();
      const payment = await charge(10000);
      const first = await client.cancelPayment(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 1000, refundableAmount: 10000 }, { idempotencyKey: newIdempotencyKey() });
      expect(first).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 9000, totalAmount: 10000 });
      expect(first.cancels?.map((c) => c.refundableAmount)).toEqual([9000]);
      expect(first.lastTransactionKey).toBe(first.cancels?.[0]?.transactionKey);
      await target.cancelSpacing();

      const second = await client.cancelPayment(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 1000, refundableAmount: 9000 }, { idempotencyKey: newIdempotencyKey() });
      expect(second.cancels?.map((c) => c.refundableAmount)).toEqual([9000, 8000]);
      await target.cancelSpacing();

      const full = await client.cancelPayment(payment.paymentKey, { cancelReason: '전액 환불', refundableAmount: 8000 }, { idempotencyKey: newIdempotencyKey() });
      expect(full).toMatchObject({ status: 'CANCELED', balanceAmount: 0, vat: 0, suppliedAmount: 0 });
      expect(full.cancels?.map((c) => c.cancelAmount)).toEqual([1000, 1000, 8000]);
    });

    withKey('refuses a stale refundableAmount, an amount over the balance, and a second full cancel', async () => {
      const target = getTarget();
      const payment = await charge(5000);
      const cancel = (input: { cancelAmount?: number; refundableAmount?: number }) =>
        client.cancelPayment(payment.paymentKey, { cancelReason: '거절 확인', ...input }, { idempotencyKey: newIdempotencyKey() });

      expectTossError(await rejectionOf(cancel({ cancelAmount: 1000, refundableAmount: 4000 })), 'NOT_MATCHES_REFUNDABLE_AMOUNT', 'bug');
      await target.cancelSpacing();
      expectTossError(await rejectionOf(cancel({ cancelAmount: 5001 })), 'NOT_CANCELABLE_AMOUNT', 'bug');
      await target.cancelSpacing();
      expect((await client.getPayment(payment.paymentKey)).balanceAmount).toBe(5000);
      await cancel({});
      await target.cancelSpacing();
      expectTossError(await rejectionOf(cancel({})), 'ALREADY_CANCELED_PAYMENT', 'bug');
    });
  });

  describe('forced errors (TossPayments-Test-Code)', () => {
    it.each([
      ['REJECT_CARD_PAYMENT', 'soft_decline'],
      ['INVALID_STOPPED_CARD', 'hard_decline'],
      ['INVALID_CARD_EXPIRATION', 'hard_decline'],
      ['PROVIDER_ERROR', 'transient'],
    ])('forces %s on a charge, classified as %s', async (testCode, category) => {
      // Toss applies the test code before validating the billing key.
      const error = await rejectionOf(
        client.chargeBillingKey(key?.billingKey ?? 'no-key', { customerKey: key?.customerKey ?? 'nobody-12', amount: 1000, orderId: newOrderId(), orderName: '원두' }, { idempotencyKey: newIdempotencyKey(), testCode }),
      );
      expectTossError(error, testCode, category);
    });

    it('refuses an unknown test code', async () => {
      expectTossError(await rejectionOf(client.getPayment('any', { testCode: 'NOT_A_REAL_CODE' })), 'INVALID_TEST_CODE', 'bug');
    });
  });

  describe('authentication and listings', () => {
    it('refuses an unknown secret key', async () => {
      const stranger = getTarget().client({ secretKey: 'live_sk_not_a_real_key_000000' });
      expectTossError(await rejectionOf(stranger.getPayment('any')), 'UNAUTHORIZED_KEY', 'bug');
    });

    it('lists transactions and settlements as arrays the client parses', async () => {
      const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
      expect(Array.isArray(await client.listTransactions({ startDate: `${today}T00:00:00`, endDate: `${today}T23:59:59`, limit: 10 }))).toBe(true);
      expect(Array.isArray(await client.listSettlements({ startDate: today, endDate: today, size: 10 }))).toBe(true);
    });
  });
}
