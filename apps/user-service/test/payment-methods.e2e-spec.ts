import { Keyring } from '@roastery/crypto';
import { createTestApp, fillBillingAuthWindow, type TestApp, waitFor } from '@roastery/testing';
import { TossApiError, TossClient } from '@roastery/toss';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createApp } from '../src/app';

const execFileAsync = promisify(execFile);

const DEV_KEYS = 'dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=';

describe('payment methods (user-service against the toss-sandbox process, real PostgreSQL)', () => {
  let t: TestApp;
  let toss: TossClient;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'user', withTossSandbox: true, env: { PAYMENT_METHODS_MAX_PER_ACCOUNT: '3' } });
    toss = new TossClient({ secretKey: 'test_sk_roastery_local_sandbox', baseUrl: t.sandbox!.url });
  });
  afterAll(() => t.close());

  async function subscriber(tag: string) {
    const email = `${tag}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const signup = await t.http.post('/api/auth/signup', { email, password, name: '김하늘' });
    const login = await t.http.post('/api/auth/login', { email, password });
    return { id: signup.body.id as string, token: login.body.accessToken as string };
  }

  async function authorize(token: string, card?: string) {
    const setup = await t.http.get('/api/payment-methods/setup', { token });
    expect(setup.status).toBe(200);
    const result = await fillBillingAuthWindow(setup.body.windowUrl, setup.body.customerKey, card);
    if (!result.ok) throw new Error(`window refused: ${result.code}`);
    return result;
  }

  async function register(token: string, card?: string) {
    const { authKey, customerKey } = await authorize(token, card);
    return t.http.post('/api/payment-methods', { authKey, customerKey }, { token });
  }

  const rows = (accountId: string) => t.db.query(`SELECT * FROM payment_methods WHERE account_id = $1 ORDER BY created_at`, [accountId]);
  const billingKeyOf = (row: { id: string; billing_key_enc: string }) => Keyring.fromConfig(DEV_KEYS, 'dev1').decrypt(row.billing_key_enc, row.id);

  it('gives each account its own random customerKey and the sandbox window to open', async () => {
    const a = await subscriber('setup-a');
    const b = await subscriber('setup-b');
    const setupA = await t.http.get('/api/payment-methods/setup', { token: a.token });
    const setupB = await t.http.get('/api/payment-methods/setup', { token: b.token });
    expect(setupA.body).toEqual({ customerKey: expect.stringMatching(/^cus_[0-9a-f]{32}$/), provider: 'sandbox', windowUrl: `${t.sandbox!.url}/window/billing-auth`, clientKey: null });
    expect(setupB.body.customerKey).not.toBe(setupA.body.customerKey);
    expect(setupA.body.customerKey).not.toContain(a.id.replace(/-/g, ''));
    expect((await t.http.get('/api/payment-methods/setup', { token: a.token })).body.customerKey).toBe(setupA.body.customerKey);
  });

  it('registers a card: masked, default, billing key encrypted with its key id and bound to the row', async () => {
    const me = await subscriber('register');
    const res = await register(me.token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      cardCompany: '현대',
      maskedNumber: expect.stringMatching(/^433012\d{2}\*{4}\d{3}\*$/),
      cardType: expect.any(String),
      ownerType: expect.any(String),
      isDefault: true,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/billingKey|customerKey/);
    const [row] = await rows(me.id);
    expect(row.billing_key_kid).toBe('dev1');
    expect(row.billing_key_enc).toMatch(/^v1\.dev1\./);
    const billingKey = billingKeyOf(row);
    expect(row.billing_key_enc).not.toContain(billingKey);
    // Sealed to its row: the same token does not open under another id.
    expect(() => Keyring.fromConfig(DEV_KEYS, 'dev1').decrypt(row.billing_key_enc, me.id)).toThrow();
    // And it really is a live billing key at Toss for this customer.
    const charge = await toss.chargeBillingKey(billingKey, { customerKey: row.customer_key, amount: 1000, orderId: `probe-${row.id}`, orderName: 'probe' }, { idempotencyKey: `probe-${row.id}` });
    expect(charge.status).toBe('DONE');

    const list = await t.http.get('/api/payment-methods', { token: me.token });
    expect(list.body).toMatchObject({ items: [{ id: res.body.id, isDefault: true }], total: 1 });
  });

  it('answers a repeated registration with the same card (a retry after a lost answer saves nothing twice)', async () => {
    const me = await subscriber('retry');
    const { authKey, customerKey } = await authorize(me.token);
    const first = await t.http.post('/api/payment-methods', { authKey, customerKey }, { token: me.token });
    const again = await t.http.post('/api/payment-methods', { authKey, customerKey }, { token: me.token });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await rows(me.id)).toHaveLength(1);
  });

  it('refuses the customerKey of someone else with 404 and saves nothing', async () => {
    const victim = await subscriber('victim');
    const thief = await subscriber('thief');
    const stolen = await authorize(victim.token);
    const res = await t.http.post('/api/payment-methods', { authKey: stolen.authKey, customerKey: stolen.customerKey }, { token: thief.token });
    expect(res.status).toBe(404);
    expect(await rows(thief.id)).toHaveLength(0);
    expect(await rows(victim.id)).toHaveLength(0);
  });

  it.each([
    ['a forged authKey', (ck: string) => ({ authKey: 'bln_forged0000000000', customerKey: ck }), 422],
    ['an unknown field', (ck: string) => ({ authKey: 'x', customerKey: ck, isDefault: true }), 400],
    ['a missing authKey', (ck: string) => ({ customerKey: ck }), 400],
    ['a malformed customerKey', () => ({ authKey: 'x', customerKey: 'has spaces!' }), 400],
  ])('refuses %s with a clear error and saves nothing', async (_what, body, status) => {
    const me = await subscriber('bad');
    const { customerKey } = (await t.http.get('/api/payment-methods/setup', { token: me.token })).body;
    const res = await t.http.post('/api/payment-methods', body(customerKey), { token: me.token });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(status === 400 ? 'VALIDATION_FAILED' : 'CARD_REGISTRATION_FAILED');
    expect(await rows(me.id)).toHaveLength(0);
  });

  it('refuses an oversized body with 400', async () => {
    const me = await subscriber('big');
    const res = await t.http.request('POST', '/api/payment-methods', { token: me.token, rawBody: JSON.stringify({ authKey: 'x'.repeat(2_000_000), customerKey: 'cus_x' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(await rows(me.id)).toHaveLength(0);
  });

  it('refuses a reused authKey of another registration with Toss’s refusal', async () => {
    const me = await subscriber('reuse');
    const { authKey, customerKey } = await authorize(me.token);
    expect((await t.http.post('/api/payment-methods', { authKey, customerKey }, { token: me.token })).status).toBe(201);
    // The same authKey under a different Idempotency-Key is what a forger replaying it would send.
    const direct = await toss.issueBillingKey({ authKey, customerKey }, { idempotencyKey: 'forger-replay-0001' }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(TossApiError);
  });

  it('keeps at most the configured number of cards', async () => {
    const me = await subscriber('many');
    for (let i = 0; i < 3; i++) expect((await register(me.token)).status).toBe(201);
    const fourth = await register(me.token);
    expect(fourth.status).toBe(422);
    expect(await rows(me.id)).toHaveLength(3);
  });

  it('sets the default, and never shows or touches another subscriber’s card (404)', async () => {
    const me = await subscriber('default');
    const other = await subscriber('other');
    const first = (await register(me.token)).body;
    const second = (await register(me.token, '5366480000001234')).body;
    expect(second).toMatchObject({ cardCompany: '신한', isDefault: false });
    const res = await t.http.post(`/api/payment-methods/${second.id}/default`, undefined, { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(true);
    const list = (await t.http.get('/api/payment-methods', { token: me.token })).body.items;
    expect(list.map((m: { id: string; isDefault: boolean }) => [m.id, m.isDefault])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect((await t.http.post(`/api/payment-methods/${first.id}/default`, undefined, { token: other.token })).status).toBe(404);
    expect((await t.http.delete(`/api/payment-methods/${first.id}`, { token: other.token })).status).toBe(404);
    expect((await t.http.get('/api/payment-methods', { token: other.token })).body.items).toEqual([]);
    expect((await t.http.delete(`/api/payment-methods/not-a-uuid`, { token: me.token })).status).toBe(404);
  });

  it('deletes a card: gone from the list, the next card becomes default, the billing key deleted at Toss', async () => {
    const me = await subscriber('delete');
    const first = (await register(me.token)).body;
    const second = (await register(me.token)).body;
    const [row] = await rows(me.id);
    const billingKey = billingKeyOf(row);
    expect((await t.http.delete(`/api/payment-methods/${first.id}`, { token: me.token })).status).toBe(204);
    const list = (await t.http.get('/api/payment-methods', { token: me.token })).body.items;
    expect(list).toEqual([expect.objectContaining({ id: second.id, isDefault: true })]);
    const [deleted] = await rows(me.id);
    expect(deleted).toMatchObject({ status: 'DELETED', billing_key_enc: null, billing_key_kid: null, is_default: false });
    const charge = await toss
      .chargeBillingKey(billingKey, { customerKey: row.customer_key, amount: 1000, orderId: `after-delete-${row.id}`, orderName: 'probe' }, { idempotencyKey: `after-delete-${row.id}` })
      .catch((e: unknown) => e);
    expect(charge).toMatchObject({ code: 'NOT_FOUND_BILLING' });
    expect((await t.http.delete(`/api/payment-methods/${first.id}`, { token: me.token })).status).toBe(404);
  });

  it('keeps a removed card DELETING while Toss is down, and the job finishes it once Toss answers', async () => {
    const me = await subscriber('toss-down');
    const card = (await register(me.token)).body;
    await t.sandbox!.patchSettings({ faults: { errorRate: 1, errorCode: 'PROVIDER_ERROR', errorPhase: 'before', pathPrefix: '/v1/billing' } });
    try {
      expect((await t.http.delete(`/api/payment-methods/${card.id}`, { token: me.token })).status).toBe(204);
      expect((await rows(me.id))[0].status).toBe('DELETING');
      expect((await t.http.get('/api/payment-methods', { token: me.token })).body.items).toEqual([]);
    } finally {
      await t.sandbox!.patchSettings({ faults: { errorRate: 0 } });
    }
    const { BillingKeyDeletion } = await import('../src/payment-methods/billing-key-deletion');
    await t.app.get(BillingKeyDeletion).finishPending();
    expect((await rows(me.id))[0].status).toBe('DELETED');
  });

  it('handles Toss webhooks: answers at once, re-fetches before acting, ignores repeats and unknown events', async () => {
    const me = await subscriber('webhook');
    const card = (await register(me.token)).body;
    const [row] = await rows(me.id);
    const billingKey = billingKeyOf(row);
    const deliver = (body: unknown, transmissionId: string) =>
      t.http.post('/api/webhooks/toss', body, { headers: { 'tosspayments-webhook-transmission-id': transmissionId } });

    // Deleted at Toss by someone else (the card company): the card disappears here too.
    await toss.deleteBillingKey(billingKey);
    const deleted = { eventType: 'BILLING_DELETED', createdAt: '2026-11-21T10:00:00.000000', data: { billingKey, reason: '카드사 요청' } };
    expect((await deliver(deleted, 'whtrans_deleted0001')).status).toBe(200);
    expect((await deliver(deleted, 'whtrans_deleted0001')).status).toBe(200);
    await waitFor(async () => (await rows(me.id))[0].status === 'DELETED', 'the card deleted by the webhook');
    expect((await t.http.get('/api/payment-methods', { token: me.token })).body.items.map((m: { id: string }) => m.id)).not.toContain(card.id);
    const events = await t.db.query(`SELECT outcome FROM toss_webhook_events WHERE transmission_id = 'whtrans_deleted0001'`);
    expect(events).toEqual([{ outcome: 'CARD_DELETED' }]);

    // A payment webhook is never trusted: the payment is fetched, and an unknown one is noted as such.
    const forged = { eventType: 'PAYMENT_STATUS_CHANGED', createdAt: '2026-11-21T10:00:00.000000', data: { paymentKey: 'tviva-forged-0000', orderId: 'forged-order', status: 'CANCELED', totalAmount: 1, balanceAmount: 0 } };
    expect((await deliver(forged, 'whtrans_forged0001')).status).toBe(200);
    await waitFor(async () => (await t.db.query(`SELECT outcome FROM toss_webhook_events WHERE transmission_id = 'whtrans_forged0001'`))[0]?.outcome === 'UNKNOWN_PAYMENT', 'the forged webhook checked with Toss');

    expect((await deliver({ eventType: 'SOMETHING_NEW', createdAt: 'x', data: {} }, 'whtrans_new0001')).status).toBe(200);
    await waitFor(async () => (await t.db.query(`SELECT outcome FROM toss_webhook_events WHERE transmission_id = 'whtrans_new0001'`))[0]?.outcome === 'IGNORED', 'the unknown event ignored');

    expect((await t.http.post('/api/webhooks/toss', { hello: 'world' })).status).toBe(400);
    expect((await t.http.post('/api/webhooks/toss', { eventType: 'PAYMENT_STATUS_CHANGED', createdAt: 'x', data: { nope: 1 } })).status).toBe(400);
  });

  it('receives the sandbox’s own BILLING_DELETED delivery and drops the card', async () => {
    const me = await subscriber('delivered');
    await register(me.token);
    const [row] = await rows(me.id);
    await t.sandbox!.patchSettings({ webhookUrl: `${t.http.baseUrl}/api/webhooks/toss` });
    try {
      await toss.deleteBillingKey(billingKeyOf(row));
      await waitFor(async () => (await rows(me.id))[0].status === 'DELETED', 'the delivered BILLING_DELETED applied', 15_000);
    } finally {
      await t.sandbox!.patchSettings({ webhookUrl: null });
    }
    const [event] = await t.db.query(`SELECT transmission_id, outcome FROM toss_webhook_events WHERE event_type = 'BILLING_DELETED' AND body->'data'->>'billingKey' = $1`, [billingKeyOf(row)]);
    expect(event).toMatchObject({ transmission_id: expect.stringMatching(/^whtrans_/), outcome: 'CARD_DELETED' });
  });

  it('re-encrypts every billing key with a new active key (npm run keys:reencrypt), keeping each key usable', async () => {
    const me = await subscriber('rotate');
    await register(me.token);
    await register(me.token);
    const before = await rows(me.id);
    const plain = before.map(billingKeyOf);
    const newKey = `k2:${Keyring.generateKey()}`;
    const { stdout } = await execFileAsync(process.execPath, ['-r', './tools/register.cjs', 'apps/user-service/src/cli/reencrypt-billing-keys.ts'], {
      cwd: `${__dirname}/../../..`,
      env: { ...process.env, ...t.env, ENCRYPTION_KEYS: `${DEV_KEYS},${newKey}`, ENCRYPTION_ACTIVE_KEY_ID: 'k2' },
    });
    expect(stdout).toMatch(/re-encrypted \d+ billing key\(s\) with key "k2"/);
    expect(stdout).not.toContain(plain[0]);
    const after = await rows(me.id);
    const rotated = Keyring.fromConfig(`${DEV_KEYS},${newKey}`, 'k2');
    after.forEach((row: { id: string; billing_key_enc: string; billing_key_kid: string }, i: number) => {
      expect(row.billing_key_kid).toBe('k2');
      expect(row.billing_key_enc).toMatch(/^v1\.k2\./);
      expect(rotated.decrypt(row.billing_key_enc, row.id)).toBe(plain[i]);
    });
    expect(() => Keyring.fromConfig(newKey, 'k2').decrypt(after[0].billing_key_enc, after[0].id)).not.toThrow();
  });
});
