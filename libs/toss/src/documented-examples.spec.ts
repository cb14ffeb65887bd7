import {
  billingDeletedWebhookExample,
  billingExample,
  billingPaymentExample,
  futurePaymentExample,
  notFoundPaymentErrorExample,
  partiallyCanceledPaymentExample,
  paymentStatusChangedWebhookExample,
  settlementsExample,
  transactionsExample,
} from './fixtures/documented-examples';
import { TossApiError } from './errors';
import { TossClient } from './toss-client';
import { parseTossWebhook } from './webhook.schema';

/** A client whose fetch always answers with the given status and JSON body. */
function clientAnswering(status: number, body: unknown): TossClient {
  const fetchStub: typeof fetch = async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  return new TossClient({ secretKey: 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R', fetch: fetchStub });
}

const post = { idempotencyKey: 'idem-1' };

describe('documented examples parse', () => {
  it('Billing object (§2.3), legacy fields included', async () => {
    const billing = await clientAnswering(200, billingExample).issueBillingKey({ authKey: 'auth-1', customerKey: 'aENcQAtPdYbTjGhtQnNVj' }, post);
    expect(billing.billingKey).toBe(billingExample.billingKey);
    expect(billing.card?.issuerCode).toBe('61');
    expect(billing.card?.number).toBe('43301234****123*');
    expect(billing.cardCompany).toBe('현대');
  });

  it('billing charge Payment (§2.6)', async () => {
    const payment = await clientAnswering(200, billingPaymentExample).chargeBillingKey(
      billingExample.billingKey,
      { customerKey: 'aENcQAtPdYbTjGhtQnNVj', amount: 4900, orderId: 'a4CWyWY5m89PNh7xJwhk1', orderName: '토스 프라임 구독' },
      post,
    );
    expect(payment).toMatchObject({ type: 'BILLING', status: 'DONE', totalAmount: 4900, balanceAmount: 4900, cancels: null });
    expect(payment.card?.approveNo).toBe('00000000');
  });

  it('partially cancelled Payment (§3, §4.2) keeps every cancel with its refundable balance', async () => {
    const payment = await clientAnswering(200, partiallyCanceledPaymentExample).getPayment('tnhig20251121102047bvrO8');
    expect(payment.status).toBe('PARTIAL_CANCELED');
    expect(payment.cancels?.map((c) => c.refundableAmount)).toEqual([9000, 8000]);
    expect(payment.lastTransactionKey).toBe(payment.cancels?.[1]?.transactionKey);
  });

  it('tolerates unknown fields and enum values', async () => {
    const payment = await clientAnswering(200, futurePaymentExample).getPaymentByOrderId('a4CWyWY5m89PNh7xJwhk1');
    expect(payment.status).toBe('SOMETHING_NEW');
    expect(payment['brandNewField']).toEqual({ nested: true });
    expect(payment.card?.acquireStatus).toBe('NEW_ACQUIRE_STATE');
  });

  it('error body (§6) becomes a typed error', async () => {
    const error = await clientAnswering(404, notFoundPaymentErrorExample).getPayment('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TossApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND_PAYMENT', httpStatus: 404, tossMessage: notFoundPaymentErrorExample.message, isNotFound: true });
  });

  it('transactions (§4.3)', async () => {
    const rows = await clientAnswering(200, transactionsExample).listTransactions({ startDate: '2022-06-08', endDate: '2022-06-10T00:00:00' });
    expect(rows.map((r) => [r.status, r.amount])).toEqual([
      ['DONE', 4900],
      ['CANCELED', 4900],
    ]);
  });

  it('settlements (§8.1): undocumented total fee, negative cancel rows, string fees', async () => {
    const rows = await clientAnswering(200, settlementsExample).listSettlements({ startDate: '2022-01-01', endDate: '2025-06-30' });
    expect(rows[0]).toMatchObject({ fee: 1492, supplyAmount: 1356, vat: 136, payOutAmount: 63109 });
    expect(rows[1]).toMatchObject({ amount: -99800, fee: -2250, payOutAmount: -97550 });
    expect(rows[1]!.fees).toBeUndefined();
    expect(rows[2]!.fees?.[0]?.fee).toBe(800);
  });

  it('webhooks (§7), and an event type this library does not know', () => {
    const changed = parseTossWebhook(paymentStatusChangedWebhookExample);
    expect(changed.eventType === 'PAYMENT_STATUS_CHANGED' && changed.data.status).toBe('PARTIAL_CANCELED');
    const deleted = parseTossWebhook(billingDeletedWebhookExample);
    expect(deleted.eventType === 'BILLING_DELETED' && deleted.data.reason).toBe('삭제 API 요청');
    expect(parseTossWebhook({ eventType: 'payout.changed', data: {} })).toMatchObject({ eventType: 'UNKNOWN', originalEventType: 'payout.changed' });
  });
});
