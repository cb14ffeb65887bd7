import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createAdmin, type RunningStack, startStack } from '@roastery/devstack';

declare global {
  var __STACK__: RunningStack | undefined;
}

/** Starts the whole system once for the run, on spare ports, with fresh databases and namespace. */
export default async function globalSetup(): Promise<void> {
  const run = `sys${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const base = 4100 + (Math.floor(Math.random() * 180) * 5);
  const logDir = resolve(__dirname, '..', '..', 'test-results', 'logs', run);
  const stack = await startStack({
    dbPrefix: run,
    namespace: run,
    ports: { 'user-service': base, 'business-service': base + 1, 'admin-service': base + 2, 'toss-sandbox': base + 3, web: base + 4 },
    web: true,
    env: { LOG_LEVEL: 'info', MESSAGE_RETRY_BASE_MS: '200', AMQP_QUEUE_EXPIRES_MS: '600000' },
    logDir,
  });
  globalThis.__STACK__ = stack;
  const admin = { email: `admin-${run}@roastery.test`, password: 'system-test-admin-pass', name: 'System Test Admin' };
  createAdmin(stack.databaseUrls['user-service'], admin);
  Object.assign(process.env, {
    E2E_RUN: run,
    E2E_LOG_DIR: logDir,
    E2E_WEB_URL: stack.urls.web,
    E2E_USER_URL: stack.urls['user-service'],
    E2E_BUSINESS_URL: stack.urls['business-service'],
    E2E_ADMIN_URL: stack.urls['admin-service'],
    E2E_SANDBOX_URL: stack.urls['toss-sandbox'],
    E2E_ADMIN_EMAIL: admin.email,
    E2E_ADMIN_PASSWORD: admin.password,
    E2E_DATABASE_URLS: JSON.stringify(stack.databaseUrls),
  });
}
