import { fillBillingAuthWindow, HttpClient, waitFor } from '@roastery/testing';
import { adminToken, api, newSubscriber } from './api';

/**
 * Subscribers with an address and a card, the shared test clock, billing runs and the Toss
 * sandbox's control and lookup API: what the subscription flows need on top of api.ts.
 */

function published(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the system tests through their jest config (global setup)`);
  return value;
}

/** The toss-sandbox process of this run. */
export const sandbox = new HttpClient(published('E2E_SANDBOX_URL'));

/** Any `test_sk_` key reads the sandbox's payments (Basic auth, key and an empty password). */
const SANDBOX_AUTH = `Basic ${Buffer.from('test_sk_system_e2e_reconcile:').toString('base64')}`;

export interface TestSubscriber {
  email: string;
  password: string;
  token: string;
  addressId: string;
  cardId: string;
  customerKey: string;
}

/** Registers a card the way the web does: the sandbox's billing-auth window, then POST /api/payment-methods. */
export async function addCard(token: string, cardNumber = '4330123412341234'): Promise<string> {
  const setup = (await api.user.get('/api/payment-methods/setup', { token })).body;
  const window = await fillBillingAuthWindow(setup.windowUrl, setup.customerKey, cardNumber);
  if (!window.ok) throw new Error(`card refused by the window: ${window.code} ${window.message}`);
  const card = await api.user.post('/api/payment-methods', { authKey: window.authKey, customerKey: window.customerKey }, { token });
  if (card.status !== 201) throw new Error(`card not saved: ${card.status} ${JSON.stringify(card.body)}`);
  return card.body.id as string;
}

/** A new subscriber with one shipping address and one card. */
export async function newSubscriberWithCard(tag: string): Promise<TestSubscriber> {
  const user = await newSubscriber(tag);
  const token = user.accessToken;
  const address = await api.user.post('/api/me/addresses', { recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' }, { token });
  if (address.status !== 201) throw new Error(`address not saved: ${address.status} ${JSON.stringify(address.body)}`);
  const cardId = await addCard(token);
  const customerKey = (await api.user.get('/api/payment-methods/setup', { token })).body.customerKey as string;
  return { email: user.email, password: user.password, token, addressId: address.body.id, cardId, customerKey };
}

/** What the sandbox does with the customer's next charges: `{ next: [...] }` one-shot, `{ outcome }` standing. */
export async function scriptCustomer(customerKey: string, script: { outcome?: string; next?: string[] }): Promise<void> {
  const res = await sandbox.request('PUT', `/sandbox/customers/${encodeURIComponent(customerKey)}/script`, { body: script });
  if (res.status !== 200) throw new Error(`script refused: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The sandbox's payment for a Toss orderId, or null when it has none. */
export async function sandboxPayment(tossOrderId: string): Promise<{ status: string; totalAmount: number; orderId: string } | null> {
  const res = await sandbox.get(`/v1/payments/orders/${encodeURIComponent(tossOrderId)}`, { headers: { authorization: SANDBOX_AUTH } });
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`sandbox lookup of ${tossOrderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The Toss orderId of a subscription's charge attempt. The API does not expose it, so this repeats
 * user-service's documented derivation (billing/charge-identity.ts): `s<subscription>-c<cycle>-a<attempt>`.
 */
export function tossOrderId(subscriptionId: string, cycle: number, attempt: number): string {
  return `s${subscriptionId.replace(/-/g, '')}-c${cycle}-a${attempt}`;
}

/** The platform clock now. */
export async function clockNow(): Promise<Date> {
  const res = await api.admin.get('/admin/clock', { token: await adminToken() });
  return new Date(res.body.now);
}

/** Moves the shared clock to noon (Asia/Seoul) of `date` (YYYY-MM-DD), never backwards. */
export async function moveClockToDate(date: string): Promise<void> {
  const admin = await adminToken();
  const target = new Date(`${date}T12:00:00+09:00`);
  const now = await clockNow();
  if (target.getTime() <= now.getTime()) return;
  const set = await api.admin.post('/admin/clock', { now: target.toISOString() }, { token: admin });
  if (set.status !== 200) throw new Error(`clock not moved: ${set.status} ${JSON.stringify(set.body)}`);
  await waitFor(async () => Date.parse((await sandbox.get('/sandbox/clock')).body.now) >= target.getTime() - 60_000, 'the sandbox to follow the clock', 20_000);
}

/** A calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Starts a billing run as the admin and waits until it is COMPLETED; returns the run. */
export async function runBilling(): Promise<{ id: string; status: string; counts: Record<string, number> }> {
  const admin = await adminToken();
  const started = await api.admin.post('/admin/billing/run', undefined, { token: admin, headers: { 'Idempotency-Key': `sys-run-${Date.now()}-${Math.random().toString(36).slice(2)}` } });
  if (started.status !== 202) throw new Error(`billing run not started: ${started.status} ${JSON.stringify(started.body)}`);
  return waitFor(
    async () => {
      const run = (await api.admin.get(`/admin/billing/runs/${started.body.id}`, { token: admin })).body;
      if (run.status === 'FAILED') throw new Error(`billing run failed: ${run.error}`);
      return run.status === 'COMPLETED' ? run : undefined;
    },
    'the billing run to complete',
    60_000,
  );
}
