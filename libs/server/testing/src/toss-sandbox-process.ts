import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { dropDatabase } from '@roastery/persistence';

/** A toss-sandbox process started for one test file. */
export interface SandboxProcess {
  /** Base URL: the Toss client's baseUrl, and the billing-auth window at `/window/billing-auth`. */
  url: string;
  /** PATCH /sandbox/settings (webhook URL, faults, slow-charge time …). */
  patchSettings(patch: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export interface SandboxProcessOptions {
  databaseUrl: string;
  /** The services' REDIS_PREFIX, so the sandbox follows the same shared clock. */
  redisPrefix: string;
  redisUrl: string;
  env?: Record<string, string>;
}

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * Runs apps/toss-sandbox as its own process, as `npm start` does: the one stand-in for Toss that
 * tests may use. A process (rather than importing the app) keeps services' tests from depending
 * on another app's code.
 */
export async function startSandboxProcess(o: SandboxProcessOptions): Promise<SandboxProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/toss-sandbox/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: o.databaseUrl, REDIS_URL: o.redisUrl, REDIS_PREFIX: o.redisPrefix, CLOCK_MODE: 'shared', TOSS_SANDBOX_WEBHOOK_POLL_MS: '100', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString()) > 200 && output.shift();
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilHealthy(`${url}/health`, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    async patchSettings(patch) {
      const res = await fetch(`${url}/sandbox/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
      if (!res.ok) throw new Error(`sandbox settings refused (${res.status}): ${await res.text()}`);
    },
    async stop() {
      await terminate(child);
      await dropDatabase(o.databaseUrl);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilHealthy(healthUrl: string, child: ChildProcess, output: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`toss-sandbox exited with code ${child.exitCode}:\n${output.join('')}`);
    try {
      if ((await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`toss-sandbox did not become healthy within ${timeoutMs / 1000}s:\n${output.join('')}`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** The redirect the billing-auth window ends with: authKey on success, code and message on failure. */
export type WindowResult = { ok: true; authKey: string; customerKey: string } | { ok: false; code: string; message: string };

/**
 * Fills in the sandbox's billing-auth window as a person would (card number, expiry, birth date,
 * OTP 000000) and reads where it redirects, without a browser.
 */
export async function fillBillingAuthWindow(windowUrl: string, customerKey: string, cardNumber = '4330123412341234'): Promise<WindowResult> {
  const form = new URLSearchParams({
    customerKey,
    successUrl: 'http://127.0.0.1/success',
    failUrl: 'http://127.0.0.1/fail',
    cardNumber,
    expirationMonth: '12',
    expirationYear: '39',
    identityNumber: '900101',
    otp: '000000',
  });
  const res = await fetch(windowUrl, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`the window did not redirect (${res.status}): ${await res.text()}`);
  const query = new URL(location).searchParams;
  if (location.startsWith('http://127.0.0.1/success')) return { ok: true, authKey: query.get('authKey') ?? '', customerKey: query.get('customerKey') ?? '' };
  return { ok: false, code: query.get('code') ?? '', message: query.get('message') ?? '' };
}
