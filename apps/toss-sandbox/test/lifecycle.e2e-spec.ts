import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTossWebhook, type TossBilling } from '@roastery/toss';
import { eventually, rejectionOf } from './support/eventually';
import { newCustomerKey, newIdempotencyKey, newOrderId } from './support/ids';
import { CARD, startTestSandbox, type TestSandbox } from './support/sandbox-harness';
import { TestClock } from './support/test-clock';

// The window, webhooks, settlements and transactions over (test) time, and a restart.

/** A webhook receiver that fails the first `failures` deliveries of each event with 500. */
async function startReceiver(failures: number) {
  const received: { headers: IncomingHttpHeaders; body: unknown; answered: number }[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const id = String(req.headers['tosspayments-webhook-transmission-id']);
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      const answered = count <= failures ? 500 : 200;
      received.push({ headers: req.headers, body: JSON.parse(raw), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/toss`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('sandbox lifecycle', () => {
  // A Wednesday morning in KST, so that D+2 business days stays inside the week.
  const clock = new TestClock(new Date('2025-06-18T01:00:00Z'));
  let sandbox: TestSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver(2);
    sandbox = await startTestSandbox({ clock, settings: { cancelBurstWindowMs: 0, webhookUrl: receiver.url, webhookRetryScale: 0.0001, settlementFeeRateBp: 320 } });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  describe('billing-auth window', () => {
    it('serves the card form', async () => {
      const query = new URLSearchParams({ customerKey: newCustomerKey(), successUrl: 'https://shop.test/ok', failUrl: 'https://shop.test/fail', clientKey: 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq' });
      const res = await fetch(`${sandbox.url}/window/billing-auth?${query}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('name="cardNumber"');
      expect((await fetch(`${sandbox.url}/window/billing-auth?customerKey=x`)).status).toBe(400);
    });

    it('redirects to successUrl with customerKey and authKey, keeping the merchant query', async () => {
      const customerKey = newCustomerKey();
      const redirect = await sandbox.authorize(CARD.approve, customerKey);
      expect(redirect.origin + redirect.pathname).toBe('https://shop.test/cards/success');
      expect(redirect.searchParams.get('from')).toBe('window');
      expect(redirect.searchParams.get('customerKey')).toBe(customerKey);
      expect(redirect.searchParams.get('authKey')).toMatch(/^bln_/);
    });

    it('redirects to failUrl when the customer cancels or the card company refuses', async () => {
      const cancelled = await sandbox.authorize(CARD.approve, newCustomerKey(), { action: 'cancel' });
      expect(cancelled.pathname).toBe('/cards/fail');
      expect(cancelled.searchParams.get('code')).toBe('PAY_PROCESS_CANCELED');
      const refused = await sandbox.authorize(CARD.registration_rejected, newCustomerKey());
      expect(refused.searchParams.get('code')).toBe('REJECT_CARD_COMPANY');
    });

    it('keeps typing mistakes in the window', async () => {
      await expect(sandbox.authorize(CARD.approve, newCustomerKey(), { otp: '123456' })).rejects.toThrow(/window answered 400/);
      await expect(sandbox.authorize(CARD.approve, newCustomerKey(), { expirationYear: '20' })).rejects.toThrow(/유효기간/);
    });

    it('binds the authKey to its customerKey, uses it once, and lets it expire', async () => {
      const client = sandbox.client();
      const customerKey = newCustomerKey();
      const authKey = (await sandbox.authorize(CARD.approve, customerKey)).searchParams.get('authKey')!;
      const issue = (key: string, customer: string) => client.issueBillingKey({ authKey: key, customerKey: customer }, { idempotencyKey: newIdempotencyKey() });
      expect(await rejectionOf(issue(authKey, newCustomerKey()))).toMatchObject({ code: 'NOT_MATCHES_CUSTOMER_KEY' });
      const billing = await issue(authKey, customerKey);
      expect(billing).toMatchObject({ customerKey, method: '카드', card: { number: '43301234****123*', issuerCode: '61' }, cardCompany: '현대' });
      expect(await rejectionOf(issue(authKey, customerKey))).toMatchObject({ code: 'NOT_FOUND_BILLING' });

      const late = (await sandbox.authorize(CARD.approve, customerKey)).searchParams.get('authKey')!;
      clock.advance(11 * 60_000);
      expect(await rejectionOf(issue(late, customerKey))).toMatchObject({ code: 'NOT_FOUND_BILLING' });
    });

    it('issues from raw card data too (POST /v1/billing/authorizations/card)', async () => {
      const res = await fetch(`${sandbox.url}/v1/billing/authorizations/card`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from('test_sk_any_key_123:').toString('base64')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ customerKey: newCustomerKey(), cardNumber: CARD.approve, cardExpirationYear: '39', cardExpirationMonth: '07', customerIdentityNumber: '900101' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ billingKey: expect.stringMatching(/=$/), cardNumber: '43301234****123*' });
    });
  });

  describe('webhooks, settlements and transactions', () => {
    let billing: TossBilling;
    let paymentKey: string;

    beforeAll(async () => {
      billing = await sandbox.billingKey(CARD.approve);
    });

    it('sends PAYMENT_STATUS_CHANGED for a cancel and retries with Toss headers until answered 200', async () => {
      const client = sandbox.client();
      const payment = await client.chargeBillingKey(billing.billingKey, { customerKey: billing.customerKey, amount: 64601, orderId: newOrderId(), orderName: '원두' }, { idempotencyKey: newIdempotencyKey() });
      paymentKey = payment.paymentKey;
      // Billing approvals send no webhook; the cancel does.
      await client.cancelPayment(paymentKey, { cancelReason: '부분 환불', cancelAmount: 1000 }, { idempotencyKey: newIdempotencyKey() });

      // Retries fall due on the sandbox clock, which this test moves by hand.
      const attempts = await eventually(async () => {
        clock.advance(1_000);
        const forPayment = receiver.received.filter((r) => parseTossWebhook(r.body).eventType === 'PAYMENT_STATUS_CHANGED');
        return forPayment.length >= 3 ? forPayment : undefined;
      });
      expect(attempts.map((a) => a.headers['tosspayments-webhook-transmission-retried-count'])).toEqual(['0', '1', '2']);
      expect(new Set(attempts.map((a) => a.headers['tosspayments-webhook-transmission-id'])).size).toBe(1);
      expect(attempts[0]!.headers['tosspayments-webhook-transmission-time']).toMatch(/\+09:00$/);
      const event = parseTossWebhook(attempts[2]!.body);
      expect(event.eventType === 'PAYMENT_STATUS_CHANGED' && event.data).toMatchObject({ paymentKey, status: 'PARTIAL_CANCELED', balanceAmount: 63601 });
      expect((attempts[0]!.body as { createdAt: string }).createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);

      const deliveries = await eventually(async () => {
        const list = await sandbox.control<{ eventType: string; status: string; attempts: number }[]>('GET', '/sandbox/webhooks');
        return list.find((d) => d.eventType === 'PAYMENT_STATUS_CHANGED' && d.status === 'delivered');
      });
      expect(deliveries.attempts).toBe(3);
    });

    it('sends BILLING_DELETED when a key is deleted', async () => {
      const doomed = await sandbox.billingKey();
      await sandbox.client().deleteBillingKey(doomed.billingKey);
      const event = await eventually(async () =>
        receiver.received.map((r) => parseTossWebhook(r.body)).find((e) => e.eventType === 'BILLING_DELETED' && e.data.billingKey === doomed.billingKey),
      );
      expect(event).toMatchObject({ data: { reason: '삭제 API 요청' } });
    });

    it('lists transactions page by page', async () => {
      const pages: string[][] = [];
      for await (const page of sandbox.client().transactionPages({ startDate: '2025-06-18', endDate: '2025-06-19T23:59:59', limit: 1 })) {
        pages.push(page.map((t) => `${t.status}:${t.amount}`));
      }
      expect(pages).toEqual([['DONE:64601'], ['PARTIAL_CANCELED:1000']]);
    });

    it('settles from the day after: fee rows, a negative cancel row, payout D+2 business days', async () => {
      const client = sandbox.client();
      const soldDate = '2025-06-18';
      expect(await client.listSettlements({ startDate: soldDate, endDate: soldDate })).toEqual([]);

      clock.set(new Date('2025-06-19T01:00:00Z'));
      const rows = await client.listSettlements({ startDate: soldDate, endDate: soldDate });
      const mine = rows.filter((r) => r.paymentKey === paymentKey);
      expect(mine).toHaveLength(2);
      // 64,601 × 3.2 % → fee 2067 = 1879 + 188 (fee's own VAT).
      expect(mine[0]).toMatchObject({ amount: 64601, fee: 2067, supplyAmount: 1879, vat: 188, payOutAmount: 62534, soldDate, paidOutDate: '2025-06-20', cancel: null });
      expect(mine[1]).toMatchObject({ amount: -1000, fee: -32, payOutAmount: -968, paidOutDate: '2025-06-20', cancel: { cancelAmount: 1000 } });

      const byPayout = await client.listSettlements({ startDate: '2025-06-20', endDate: '2025-06-20', dateType: 'paidOutDate', size: 1 });
      expect(byPayout).toHaveLength(1);
      expect(await rejectionOf(client.listSettlements({ startDate: soldDate, endDate: soldDate, dateType: 'soldDate', page: 0 }))).toMatchObject({ code: 'INVALID_REQUEST' });
    });
  });

  describe('idempotency retention', () => {
    it('forgets a key after 15 days (the same key then runs as a new request)', async () => {
      const billing = await sandbox.billingKey();
      const idempotencyKey = newIdempotencyKey();
      const charge = () =>
        sandbox.client().chargeBillingKey(billing.billingKey, { customerKey: billing.customerKey, amount: 3000, orderId: newOrderId(), orderName: '원두' }, { idempotencyKey });
      const first = await charge();
      clock.advance(14 * 86_400_000);
      expect((await charge()).paymentKey).toBe(first.paymentKey);
      clock.advance(2 * 86_400_000);
      expect((await charge()).paymentKey).not.toBe(first.paymentKey);
    });
  });

  describe('restart', () => {
    it('keeps payments, settings and idempotent answers across a restart, and reports health', async () => {
      const billing = await sandbox.billingKey();
      const idempotencyKey = newIdempotencyKey();
      const charge = () =>
        sandbox.client().chargeBillingKey(billing.billingKey, { customerKey: billing.customerKey, amount: 12000, orderId: newOrderId(), orderName: '원두' }, { idempotencyKey });
      const before = await charge();
      await sandbox.patchSettings({ mId: 'roasterymkt' });

      await sandbox.restart();

      expect(await (await fetch(`${sandbox.url}/health`)).json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
      expect(await sandbox.client().getPayment(before.paymentKey)).toMatchObject({ status: 'DONE', mId: 'roasterymkt' });
      expect((await charge()).paymentKey).toBe(before.paymentKey);
    });
  });
});
