import { join, resolve } from 'node:path';
import { DEMO, seedDemo, startStack } from '@roastery/devstack';

/** Starts every app on its standard port with demo data, prints where to click, runs until Ctrl-C. */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const logDir = join(root, 'tmp', 'logs');
  console.log('Starting user-service, business-service, admin-service, toss-sandbox and the web app…');
  const stack = await startStack({
    dbPrefix: 'roastery',
    namespace: 'roastery',
    ports: { 'user-service': 3001, 'business-service': 3002, 'admin-service': 3003, 'toss-sandbox': 3100, web: 5173 },
    web: true,
    logDir,
  });
  const shutdown = async () => {
    console.log('\nStopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  console.log('Seeding demo data (admin; a partner approved through the real onboarding and its first coffee; a subscriber with a card and a subscription)…');
  await seedDemo({ user: stack.urls['user-service'], business: stack.urls['business-service'], admin: stack.urls['admin-service'] }, stack.databaseUrls['user-service']);

  const w = stack.urls.web;
  console.log(`
Roastery Market is running.

  Storefront        ${w}/
  My page           ${w}/me            (sign up, or use the subscriber below)
  Subscriptions     ${w}/me/subscriptions
  Billing runs      ${w}/backoffice/billing   (move the test clock and renew at once)
  Partner console   ${w}/studio
  Admin console     ${w}/backoffice/applications

  Demo logins
    admin        ${DEMO.admin.email} / ${DEMO.admin.password}
    partner      ${DEMO.partner.email} / ${DEMO.partner.password}
    subscriber   ${DEMO.subscriber.email} / ${DEMO.subscriber.password}

  APIs (OpenAPI at /docs)
    user-service      ${stack.urls['user-service']}/docs
    business-service  ${stack.urls['business-service']}/docs
    admin-service     ${stack.urls['admin-service']}/docs
    toss-sandbox      ${stack.urls['toss-sandbox']}

  Logs: ${logDir}
Press Ctrl-C to stop.`);
}

main().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
