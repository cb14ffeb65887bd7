import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Demo accounts `npm start` creates; printed at start-up. */
export const DEMO = {
  admin: { email: 'admin@roastery.test', password: 'admin-demo-pass', name: '운영자 Admin' },
  partner: { email: 'partner@roastery.test', password: 'partner-demo-pass', name: '박로스터 Partner' },
  subscriber: { email: 'subscriber@roastery.test', password: 'subscriber-demo-pass', name: '김구독 Subscriber' },
} as const;

const ROOT = resolve(__dirname, '..', '..', '..');

/** Creates (or promotes) an admin through the same CLI an operator uses. */
export function createAdmin(databaseUrl: string, account: { email: string; password: string; name: string }): void {
  execFileSync(process.execPath, ['-r', './tools/register.cjs', 'apps/user-service/src/cli/create-admin.ts', '--email', account.email, '--password', account.password, '--name', account.name], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    stdio: 'pipe',
  });
}

async function call(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(url, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Signs in, signing up first when the account does not exist yet. */
export async function ensureAccount(userUrl: string, a: { email: string; password: string; name: string }): Promise<string> {
  let login = await call('POST', `${userUrl}/api/auth/login`, { email: a.email, password: a.password });
  if (login.status === 401) {
    await call('POST', `${userUrl}/api/auth/signup`, a);
    login = await call('POST', `${userUrl}/api/auth/login`, { email: a.email, password: a.password });
  }
  if (login.status !== 200) throw new Error(`cannot sign in ${a.email}: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.accessToken;
}

/**
 * Seeds the demo: an admin, a subscriber, and a partner who went through the real onboarding
 * (apply → admin approves → role granted over RabbitMQ) and lists one approved coffee. Safe to
 * run again.
 */
export async function seedDemo(urls: { user: string; business: string; admin: string; toss?: string }, userDatabaseUrl: string): Promise<void> {
  createAdmin(userDatabaseUrl, DEMO.admin);
  const subscriberToken = await ensureAccount(urls.user, DEMO.subscriber);
  const partnerToken = await ensureAccount(urls.user, DEMO.partner);
  const me = await call('GET', `${urls.user}/api/me`, undefined, partnerToken);
  if (!(me.body.roles as string[]).includes('PARTNER')) await onboardPartner(urls, partnerToken);
  await listDemoCoffee(urls, DEMO.partner);
  await subscribeDemoSubscriber(urls, subscriberToken);
}

/**
 * The demo subscriber has an address, a card registered through the sandbox's billing-auth window
 * (the same form a person fills in) and a two-weekly subscription to the demo coffee, so My page
 * shows a next billing date, a preview and a paid order. Skipped once it has a subscription.
 */
async function subscribeDemoSubscriber(urls: { user: string }, token: string): Promise<void> {
  if ((await call('GET', `${urls.user}/api/subscriptions`, undefined, token)).body.total > 0) return;
  let address = (await call('GET', `${urls.user}/api/me/addresses`, undefined, token)).body.items?.[0];
  if (!address) {
    address = (await call('POST', `${urls.user}/api/me/addresses`, { label: '집', recipient: '김구독', phone: '01098765432', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '101동 1001호' }, token)).body;
  }
  let card = (await call('GET', `${urls.user}/api/payment-methods`, undefined, token)).body.items?.[0];
  if (!card) {
    const setup = (await call('GET', `${urls.user}/api/payment-methods/setup`, undefined, token)).body;
    const form = new URLSearchParams({ customerKey: setup.customerKey, successUrl: 'http://127.0.0.1/ok', failUrl: 'http://127.0.0.1/fail', cardNumber: '4330123412341234', expirationMonth: '12', expirationYear: '39', identityNumber: '900101', otp: '000000' });
    const window = await fetch(setup.windowUrl, { method: 'POST', body: form, redirect: 'manual' });
    const authKey = new URL(window.headers.get('location') ?? 'http://x/').searchParams.get('authKey');
    if (!authKey) throw new Error(`demo card registration failed at the sandbox window (${window.status})`);
    card = (await call('POST', `${urls.user}/api/payment-methods`, { authKey, customerKey: setup.customerKey }, token)).body;
  }
  const item = (await call('GET', `${urls.user}/api/catalog/items?size=1`)).body.items[0];
  const detail = (await call('GET', `${urls.user}/api/catalog/items/${item.id}`)).body;
  const created = await call('POST', `${urls.user}/api/subscriptions`, {
    catalogItemId: item.id,
    optionId: detail.options[0].id,
    quantity: 2,
    intervalWeeks: 2,
    addressId: address.id,
    paymentMethodId: card.id,
    agreeToRecurringPayment: true,
  }, token);
  if (created.status !== 201) throw new Error(`demo subscription failed: ${JSON.stringify(created.body)}`);
}

/** The demo partner applies and the demo admin approves it, through the real onboarding flow. */
async function onboardPartner(urls: { user: string; business: string; admin: string }, partnerToken: string): Promise<void> {
  const mine = await call('GET', `${urls.business}/partner/applications/me`, undefined, partnerToken);
  let applicationId: string | undefined = mine.body.current?.status === 'PENDING' ? mine.body.current.id : undefined;
  if (!applicationId) {
    const applied = await call('POST', `${urls.business}/partner/applications`, {
      businessName: '산들 로스터리 Sandeul Roastery',
      registrationNumber: '220-81-62517',
      representative: '박로스터',
      phone: '010-2345-6789',
      email: DEMO.partner.email,
      payoutBank: '신한은행',
      payoutAccount: '110-123-456789',
    }, partnerToken);
    if (applied.status !== 201) throw new Error(`demo partner application failed: ${JSON.stringify(applied.body)}`);
    applicationId = applied.body.id;
  }
  const adminToken = await ensureAccount(urls.user, DEMO.admin);
  await waitUntil(async () => (await call('GET', `${urls.admin}/admin/applications?status=PENDING&size=100`, undefined, adminToken)).body.items.some((i: { id: string }) => i.id === applicationId));
  await call('POST', `${urls.admin}/admin/applications/${applicationId}/approve`, {}, adminToken);
  await waitUntil(async () => ((await call('GET', `${urls.user}/api/me`, undefined, partnerToken)).body.roles as string[]).includes('PARTNER'));
}

/**
 * The demo partner lists a coffee and the admin approves it, so the storefront has something to
 * show. Skipped when the partner already has products.
 */
async function listDemoCoffee(urls: { user: string; business: string; admin: string }, partner: { email: string; password: string; name: string }): Promise<void> {
  const token = await ensureAccount(urls.user, partner);
  const existing = await call('GET', `${urls.business}/partner/products`, undefined, token);
  if (existing.body.total > 0) return;
  const created = await call('POST', `${urls.business}/partner/products`, {
    name: '에티오피아 예가체프 콩가 Ethiopia Yirgacheffe Konga',
    origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
    producer: 'Konga Washing Station',
    lot: 'Lot 7',
    variety: 'Heirloom',
    process: 'Washed',
    roastLevel: 'LIGHT',
    tastingNotes: ['자스민 jasmine', 'bergamot', 'peach'],
    description: '꽃향과 밝은 산미가 돋보이는 워시드 예가체프. Floral, bright and clean.',
    imageUrls: [],
    options: [
      { weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000, stock: 40 },
      { weightGrams: 500, grind: 'FILTER', priceWon: 39_000, stock: 12 },
    ],
  }, token);
  if (created.status !== 201) throw new Error(`demo product failed: ${JSON.stringify(created.body)}`);
  await call('POST', `${urls.business}/partner/products/${created.body.id}/submit`, undefined, token);
  const adminToken = await ensureAccount(urls.user, DEMO.admin);
  let reviewId: string | undefined;
  await waitUntil(async () => {
    const reviews = await call('GET', `${urls.admin}/admin/product-reviews?status=PENDING&size=100`, undefined, adminToken);
    reviewId = reviews.body.items.find((r: { productId: string; id: string }) => r.productId === created.body.id)?.id;
    return reviewId !== undefined;
  });
  await call('POST', `${urls.admin}/admin/product-reviews/${reviewId}/approve`, {}, adminToken);
  await waitUntil(async () => (await call('GET', `${urls.user}/api/catalog/items?size=1`)).body.total > 0);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('demo seeding timed out waiting for the services to process events');
    await new Promise((r) => setTimeout(r, 200));
  }
}
