import { randomRegistrationNumber } from '@roastery/contracts/testing';
import type { Locator, Page } from 'playwright-core';

/**
 * Helpers shared by the browser journeys: set-up over HTTP through the web origin (the same proxy
 * the browser uses), signing in, and small waits. The flows under test run in the browser.
 */

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; the system-e2e globalSetup provides it`);
  return value;
}

/** Events cross admin-service → RabbitMQ → business-/user-service before the next page shows them. */
export const EVENTUAL_MS = 45_000;

/** Runs `attempt` until it returns true, or fails with `what` after `timeoutMs`. */
export async function eventually(what: string, attempt: () => Promise<boolean>, timeoutMs = EVENTUAL_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await attempt()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export const visible = (locator: Locator) => locator.isVisible().catch(() => false);

/** A unique Hangul word (four syllables), so a search for it finds only this run's coffee. */
export function hangulToken(): string {
  return Array.from({ length: 4 }, () => String.fromCharCode(0xac00 + Math.floor(Math.random() * 11172))).join('');
}

/** A random, valid 사업자등록번호 (the admin's checksum finding stays quiet). */
export const registrationNumber = randomRegistrationNumber;

interface Answer {
  status: number;
  /** The JSON body; callers read the few fields they need. */
  body: Record<string, unknown>;
}

/** A JSON call to `${base}${path}`. */
export async function http(base: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function login(base: string, email: string, password: string): Promise<string> {
  const r = await http(base, 'POST', '/api/auth/login', { email, password });
  if (r.status !== 200) throw new Error(`login of ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken as string;
}

/**
 * A new account made a partner the way onboarding does it: sign up, apply, an admin approves, and
 * the PARTNER role arrives. Returns the credentials to sign in with in the browser.
 */
export async function newPartner(base: string, admin: { email: string; password: string }, businessName: string): Promise<{ email: string; password: string }> {
  const suffix = Math.random().toString(36).slice(2, 9);
  const user = { name: '카탈로그 로스터', email: `catalog-roaster-${suffix}@e2e.roastery.test`, password: 'correct horse battery staple' };
  const signup = await http(base, 'POST', '/api/auth/signup', user);
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const token = await login(base, user.email, user.password);
  const applied = await http(
    base,
    'POST',
    '/partner/applications',
    {
      businessName,
      registrationNumber: registrationNumber(),
      representative: user.name,
      phone: '01023456789',
      email: user.email,
      payoutBank: '신한은행',
      payoutAccount: '110123456789',
    },
    token,
  );
  if (applied.status !== 201) throw new Error(`application failed: ${applied.status} ${JSON.stringify(applied.body)}`);

  const adminToken = await login(base, admin.email, admin.password);
  await eventually('the application in the admin queue', async () => {
    const list = await http(base, 'GET', '/admin/applications?status=PENDING&size=100', undefined, adminToken);
    return list.status === 200 && (list.body.items as { id: string }[]).some((a) => a.id === applied.body.id);
  });
  const approved = await http(base, 'POST', `/admin/applications/${String(applied.body.id)}/approve`, {}, adminToken);
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  await eventually('the PARTNER role', async () => {
    const me = await http(base, 'GET', '/api/me', undefined, await login(base, user.email, user.password));
    return me.status === 200 && (me.body.roles as string[]).includes('PARTNER');
  });
  return { email: user.email, password: user.password };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/me');
}

/** Signs in over HTTP and returns the access token (set-up and admin steps of a journey). */
export const accessToken = login;

/** Moves the shared test clock (admin) to noon, Asia/Seoul, of `date` (YYYY-MM-DD) unless it is already later. */
export async function moveClockTo(base: string, adminToken: string, date: string): Promise<void> {
  const target = new Date(`${date}T12:00:00+09:00`);
  const now = await http(base, 'GET', '/admin/clock', undefined, adminToken);
  if (Date.parse(String(now.body.now)) >= target.getTime()) return;
  const set = await http(base, 'POST', '/admin/clock', { now: target.toISOString() }, adminToken);
  if (set.status !== 200) throw new Error(`clock not moved: ${set.status} ${JSON.stringify(set.body)}`);
}

/** Starts a billing run (admin) and waits until it is COMPLETED. */
export async function billingRun(base: string, adminToken: string): Promise<void> {
  const res = await fetch(`${base}/admin/billing/run`, {
    method: 'POST',
    headers: { Accept: 'application/json', Authorization: `Bearer ${adminToken}`, 'Idempotency-Key': `browser-run-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  if (res.status !== 202) throw new Error(`billing run not started: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await eventually('the billing run to complete', async () => (await http(base, 'GET', `/admin/billing/runs/${id}`, undefined, adminToken)).body.status === 'COMPLETED', 60_000);
}

/** Fills the toss-sandbox's billing-auth window (test mode: a future expiry, a 6-digit birth date, OTP 000000). */
export async function fillCardWindow(page: Page, sandboxUrl: string, cardNumber: string): Promise<void> {
  await page.waitForURL(`${sandboxUrl}/window/billing-auth?**`);
  await page.locator('#cardNumber').fill(cardNumber);
  await page.locator('#expirationMonth').fill('12');
  await page.locator('#expirationYear').fill('30');
  await page.locator('#identityNumber').fill('900101');
  await page.locator('#otp').fill('000000');
}

/** On /me/payment-methods: 카드 등록 through the sandbox window, back on the page with the card registered. */
export async function registerCardInBrowser(page: Page, webUrl: string, sandboxUrl: string, cardNumber: string): Promise<void> {
  await page.getByTestId('register-card').click();
  await fillCardWindow(page, sandboxUrl, cardNumber);
  await page.getByRole('button', { name: '등록', exact: true }).click();
  await page.waitForURL(`${webUrl}/me/payment-methods`);
  await page.locator('[data-testid="registration-notice"][data-status="registered"]').waitFor();
}

/** On /me/addresses: saves the first address (it becomes the default). */
export async function addAddressInBrowser(page: Page): Promise<void> {
  await page.getByTestId('address-form').waitFor();
  await page.getByLabel('Label').fill('집');
  await page.getByLabel('Phone').fill('010-1234-5678');
  await page.getByLabel('Postal code').fill('04524');
  await page.getByLabel('Street address').fill('서울 중구 세종대로 110');
  await page.getByLabel('Address details').fill('3층');
  await page.getByTestId('address-submit').click();
  await page.getByTestId('address-card').filter({ hasText: '서울 중구 세종대로 110' }).getByTestId('default-badge').waitFor();
}

/**
 * Clicks the page's own reload button (`reloadTestId`) until `check` holds: the page shows what the
 * services decided a moment ago (events cross RabbitMQ between them).
 */
export async function reloadWith(page: Page, reloadTestId: string, what: string, check: () => Promise<boolean>, timeoutMs = EVENTUAL_MS): Promise<void> {
  await eventually(
    what,
    async () => {
      if (await check()) return true;
      const button = page.getByTestId(reloadTestId);
      if (await button.isEnabled().catch(() => false)) await button.click().catch(() => undefined);
      await page.waitForTimeout(500);
      return check();
    },
    timeoutMs,
  );
}
