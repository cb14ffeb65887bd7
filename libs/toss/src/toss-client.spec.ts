import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { TossApiError, TossOutcomeUnknownError, TossUsageError } from './errors';
import { TossClient } from './toss-client';
import { billingPaymentExample } from './fixtures/documented-examples';

const SECRET = 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R';
const BILLING_KEY = 'Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=';
const charge = { customerKey: 'customer-1', amount: 4900, orderId: 'order-000001', orderName: '원두 구독' };

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fetch stub that records requests and answers from a queue. */
function recordingFetch(...answers: { status: number; body?: unknown; headers?: Record<string, string> }[]) {
  const calls: Recorded[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body as string | undefined });
    const answer = answers.shift() ?? { status: 200, body: billingPaymentExample };
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status, headers: answer.headers });
  };
  return { calls, fetchStub };
}

describe('TossClient requests', () => {
  it('authenticates with Basic base64("secret:") and sends the caller Idempotency-Key on POST', async () => {
    const { calls, fetchStub } = recordingFetch();
    const client = new TossClient({ secretKey: SECRET, baseUrl: 'http://toss.test', fetch: fetchStub });
    await client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'charge-sub1-cycle3-attempt1' });
    const [call] = calls;
    // The documented value for the public docs key (TOSS.md §1).
    expect(call!.headers.get('authorization')).toBe('Basic dGVzdF9za196WExrS0V5cE5BcldtbzUwblgzbG1lYXhZRzVSOg==');
    expect(call!.headers.get('idempotency-key')).toBe('charge-sub1-cycle3-attempt1');
    expect(call!.headers.get('content-type')).toBe('application/json');
    expect(call!.method).toBe('POST');
    expect(call!.url).toBe(`http://toss.test/v1/billing/${encodeURIComponent(BILLING_KEY)}`);
    expect(JSON.parse(call!.body!)).toEqual(charge);
  });

  it('refuses to send a POST without a valid Idempotency-Key or with non-integer won', async () => {
    const { calls, fetchStub } = recordingFetch();
    const client = new TossClient({ secretKey: SECRET, fetch: fetchStub });
    await expect(client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: '' })).rejects.toBeInstanceOf(TossUsageError);
    await expect(client.cancelPayment('pk', { cancelReason: 'x' }, { idempotencyKey: 'k'.repeat(301) })).rejects.toBeInstanceOf(TossUsageError);
    await expect(client.chargeBillingKey(BILLING_KEY, { ...charge, amount: 4900.5 }, { idempotencyKey: 'k' })).rejects.toThrow(/integer amount/);
    await expect(client.listTransactions({ startDate: '2024-01-01T00:00:00Z', endDate: '2024-01-02' })).rejects.toThrow(/no zone/);
    expect(calls).toHaveLength(0);
  });

  it('sends the test code header, no Idempotency-Key on GET, and lookups by orderId', async () => {
    const { calls, fetchStub } = recordingFetch();
    const client = new TossClient({ secretKey: SECRET, baseUrl: 'http://toss.test/', fetch: fetchStub });
    await client.getPaymentByOrderId('order-000001', { testCode: 'NOT_FOUND_PAYMENT' });
    expect(calls[0]!.url).toBe('http://toss.test/v1/payments/orders/order-000001');
    expect(calls[0]!.headers.get('tosspayments-test-code')).toBe('NOT_FOUND_PAYMENT');
    expect(calls[0]!.headers.get('idempotency-key')).toBeNull();
  });

  it('types errors from the code, not the status, and tolerates unknown codes', async () => {
    const { fetchStub } = recordingFetch(
      { status: 400, body: { code: 'PROVIDER_ERROR', message: '일시적인 오류가 발생했습니다.' }, headers: { 'X-TossPayments-Trace-Id': 'a'.repeat(32) } },
      { status: 403, body: { code: 'REJECT_CARD_PAYMENT', message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.' } },
      { status: 400, body: { code: 'SHINY_NEW_CODE', message: '?', extra: 1 } },
      { status: 500, body: { code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', message: '내부 시스템 처리 작업이 실패했습니다.' } },
      { status: 502, body: '<html>bad gateway</html>' },
    );
    const client = new TossClient({ secretKey: SECRET, fetch: fetchStub });
    const run = () => client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'k1' }).catch((e: unknown) => e as TossApiError);
    expect(await run()).toMatchObject({ code: 'PROVIDER_ERROR', category: 'transient', traceId: 'a'.repeat(32), idempotencyKey: 'k1' });
    expect(await run()).toMatchObject({ code: 'REJECT_CARD_PAYMENT', category: 'soft_decline', isDecline: true });
    expect(await run()).toMatchObject({ code: 'SHINY_NEW_CODE', knownCode: false, category: 'soft_decline' });
    expect(await run()).toMatchObject({ code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', category: 'outcome_unknown', outcomeUnknown: true });
    expect(await run()).toMatchObject({ code: 'HTTP_502', category: 'outcome_unknown' });
  });

  it('reports an unreadable 2xx as an unknown outcome (the charge may have happened)', async () => {
    const { fetchStub } = recordingFetch({ status: 200, body: { unexpected: true } });
    const client = new TossClient({ secretKey: SECRET, fetch: fetchStub });
    const error = await client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TossOutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'invalid_response', category: 'outcome_unknown' });
  });

  it('deletes a billing key and accepts the empty 200 body', async () => {
    const { calls, fetchStub } = recordingFetch({ status: 200 });
    await new TossClient({ secretKey: SECRET, fetch: fetchStub }).deleteBillingKey(BILLING_KEY);
    expect(calls[0]!.method).toBe('DELETE');
  });

  it('pages transactions by cursor and settlements by page number', async () => {
    const tx = (key: string) => ({ transactionKey: key, paymentKey: 'p', orderId: 'order-1', status: 'DONE', transactionAt: '2024-01-01T00:00:00+09:00', amount: 100 });
    const st = (n: number) => ({ paymentKey: `p${n}`, amount: 100, payOutAmount: 97, soldDate: '2024-01-01', paidOutDate: '2024-01-03' });
    const { calls, fetchStub } = recordingFetch(
      { status: 200, body: [tx('t1'), tx('t2')] },
      { status: 200, body: [tx('t3')] },
      { status: 200, body: [st(1), st(2)] },
      { status: 200, body: [] },
    );
    const client = new TossClient({ secretKey: SECRET, baseUrl: 'http://toss.test', fetch: fetchStub });
    const txPages: string[][] = [];
    for await (const page of client.transactionPages({ startDate: '2024-01-01', endDate: '2024-01-31', limit: 2 })) txPages.push(page.map((t) => t.transactionKey));
    expect(txPages).toEqual([['t1', 't2'], ['t3']]);
    expect(new URL(calls[1]!.url).searchParams.get('startingAfter')).toBe('t2');
    let settled = 0;
    for await (const page of client.settlementPages({ startDate: '2024-01-01', endDate: '2024-01-31', size: 2 })) settled += page.length;
    expect(settled).toBe(2);
    expect(new URL(calls[3]!.url).searchParams.get('page')).toBe('2');
  });
});

describe('TossClient timeouts and lost connections', () => {
  let server: Server;
  let baseUrl: string;
  const sockets = new Set<import('node:net').Socket>();

  beforeAll(async () => {
    // Answers nothing on /slow (a charge that outlives the deadline) and drops the socket on /drop.
    server = createServer((req) => {
      if (req.url?.includes('drop')) req.socket.destroy();
    });
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports a timeout as an unknown outcome, never a decline', async () => {
    const client = new TossClient({ secretKey: SECRET, baseUrl, timeouts: { mutationMs: 50 } });
    const error = await client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'k-timeout' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TossOutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'timeout', category: 'outcome_unknown', isDecline: false, idempotencyKey: 'k-timeout' });
  });

  it('reports a dropped connection and a caller abort as unknown outcomes', async () => {
    const client = new TossClient({ secretKey: SECRET, baseUrl });
    const dropped = await client.getPaymentByOrderId('drop-it').catch((e: unknown) => e);
    expect(dropped).toMatchObject({ reason: 'network', category: 'outcome_unknown' });
    const controller = new AbortController();
    const pending = client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'k-abort', signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ reason: 'aborted', category: 'outcome_unknown' });
  });
});

describe('TossClient never reveals secrets', () => {
  it('keeps the secret key and billing key out of toString, inspect, JSON, errors and logs', async () => {
    const logged: unknown[] = [];
    const logger = { debug: (o: object, m: string) => logged.push([o, m]), warn: (o: object, m: string) => logged.push([o, m]) };
    const { fetchStub } = recordingFetch(
      { status: 200, body: billingPaymentExample },
      { status: 404, body: { code: 'NOT_FOUND_BILLING', message: `존재하지 않는 빌링키 ${BILLING_KEY}` } },
    );
    const client = new TossClient({ secretKey: SECRET, fetch: fetchStub, logger });
    await client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'k' });
    const error = await client.chargeBillingKey(BILLING_KEY, charge, { idempotencyKey: 'k2' }).catch((e: unknown) => e as Error);

    const basic = Buffer.from(`${SECRET}:`).toString('base64');
    const dumps = [String(client), inspect(client, { showHidden: true, depth: 5 }), JSON.stringify(client), String(error), inspect(error, { showHidden: true }), JSON.stringify(error), error.stack ?? '', JSON.stringify(logged)];
    for (const dump of dumps) {
      expect(dump).not.toContain(SECRET);
      expect(dump).not.toContain(basic);
      expect(dump).not.toContain(BILLING_KEY);
      expect(dump).not.toContain(encodeURIComponent(BILLING_KEY));
    }
    expect(String(client)).toBe('TossClient(test, https://api.tosspayments.com)');
    expect(JSON.stringify(error)).toContain('NOT_FOUND_BILLING');
    expect(JSON.stringify(logged)).toContain('/v1/billing/{billingKey}');
  });
});
