import { randomBytes } from 'node:crypto';
import { TossClient, type TossBilling, type TossClientOptions } from '@roastery/toss';
import { bootstrapSandbox, dropDatabase, type RunningSandbox, type SandboxBootOptions } from '../../src';
import type { CardOutcome } from '../../src/billing/test-cards';
import type { Faults, SandboxSettings, SettingsPatch } from '../../src/settings/sandbox-settings';
import { newCustomerKey, newIdempotencyKey } from './ids';
import { TestClock } from './test-clock';

/** The public docs test secret key (TOSS.md §1); the sandbox accepts any test_sk_ key. */
export const TEST_SECRET_KEY = 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R';

/** Cards of the sandbox's test table, by outcome. */
export const CARD = {
  approve: '4330123412341234',
  insufficient_funds: '4330120000001001',
  stopped_card: '4330120000001002',
  expired_card: '4330120000001003',
  provider_error: '4330120000001004',
  very_slow: '4330120000001005',
  response_lost: '4330120000001006',
  registration_rejected: '4330120000009001',
} as const;

/** A sandbox booted in this process on a random port and its own throwaway database. */
export interface TestSandbox {
  readonly url: string;
  readonly clock: TestClock;
  readonly databaseUrl: string;
  /** A client pointed at the sandbox. */
  client(options?: Partial<TossClientOptions>): TossClient;
  /** Calls a /sandbox control endpoint and returns its JSON. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  patchSettings(patch: SettingsPatch): Promise<SandboxSettings>;
  putFaults(faults: Partial<Faults>): Promise<Faults>;
  script(billingKey: string, script: { outcome?: CardOutcome; next?: CardOutcome[] }): Promise<unknown>;
  /** Drives the billing-auth window and returns where it redirected. */
  authorize(card: string, customerKey: string, extra?: Record<string, string>): Promise<URL>;
  /** Window + issue: a billing key for a test card. */
  billingKey(card?: string, customerKey?: string): Promise<TossBilling>;
  /** Stops and starts again on the same database (state must survive). */
  restart(): Promise<void>;
  /** Stops and drops the database. */
  close(): Promise<void>;
}

/** Boots a sandbox for one test file. */
export async function startTestSandbox(options: Omit<SandboxBootOptions, 'port' | 'databaseUrl' | 'clock'> & { clock?: TestClock } = {}): Promise<TestSandbox> {
  const clock = options.clock ?? new TestClock();
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/toss_sandbox_test_${randomBytes(6).toString('hex')}`;
  const boot = (): Promise<RunningSandbox> =>
    bootstrapSandbox({ logger: ['error'], webhookPollMs: 25, ...options, port: 0, databaseUrl, clock });
  let running = await boot();

  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const sandbox: TestSandbox = {
    get url() {
      return running.url;
    },
    clock,
    databaseUrl,
    client: (clientOptions) => new TossClient({ secretKey: TEST_SECRET_KEY, baseUrl: running.url, ...clientOptions }),
    control,
    patchSettings: (patch) => control('PATCH', '/sandbox/settings', patch),
    putFaults: (faults) => control('PUT', '/sandbox/faults', faults),
    script: (billingKey, script) => control('PUT', `/sandbox/billing-keys/${encodeURIComponent(billingKey)}/script`, script),
    async authorize(card, customerKey, extra = {}) {
      const form = new URLSearchParams({
        customerKey,
        successUrl: 'https://shop.test/cards/success?from=window',
        failUrl: 'https://shop.test/cards/fail',
        cardNumber: card,
        expirationMonth: '12',
        expirationYear: String((clock.now().getUTCFullYear() + 3) % 100).padStart(2, '0'),
        identityNumber: '900101',
        otp: '000000',
        action: 'submit',
        ...extra,
      });
      const res = await fetch(`${running.url}/window/billing-auth`, { method: 'POST', body: form, redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status !== 302 || !location) throw new Error(`window answered ${res.status}: ${await res.text()}`);
      return new URL(location);
    },
    async billingKey(card = CARD.approve, customerKey = newCustomerKey()) {
      const redirect = await sandbox.authorize(card, customerKey);
      const authKey = redirect.searchParams.get('authKey');
      if (!authKey) throw new Error(`no authKey in ${redirect.toString()}`);
      return sandbox.client().issueBillingKey({ authKey, customerKey }, { idempotencyKey: newIdempotencyKey() });
    },
    async restart() {
      await running.close();
      running = await boot();
    },
    async close() {
      await running.close();
      await dropDatabase(databaseUrl);
    },
  };
  return sandbox;
}
