import 'reflect-metadata';
import { createClock } from '@roastery/clock';
import { loadConfig } from '@roastery/config';
import Redis from 'ioredis';
import { bootstrapSandbox } from './bootstrap';
import { sandboxEnvSchema } from './config';
import type { SettingsPatch } from './settings/sandbox-settings';

async function main(): Promise<void> {
  const env = loadConfig(sandboxEnvSchema, process.env);
  const settings: SettingsPatch = {};
  if (env.TOSS_SANDBOX_WEBHOOK_URL) settings.webhookUrl = env.TOSS_SANDBOX_WEBHOOK_URL;
  if (env.TOSS_SANDBOX_SECRET_KEYS) settings.secretKeys = env.TOSS_SANDBOX_SECRET_KEYS.split(',').map((k) => k.trim()).filter(Boolean);
  if (env.TOSS_SANDBOX_MID) settings.mId = env.TOSS_SANDBOX_MID;

  // The same key and prefix convention as the services' PlatformModule, so all follow one clock.
  const redis = env.CLOCK_MODE === 'shared' ? new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_PREFIX, maxRetriesPerRequest: 2 }) : null;
  const clock = createClock(env.CLOCK_MODE, redis, { prefix: '' });
  await clock.start();

  const sandbox = await bootstrapSandbox({ port: env.PORT, host: env.HOST, databaseUrl: env.DATABASE_URL, settings, webhookPollMs: env.TOSS_SANDBOX_WEBHOOK_POLL_MS, clock });
  console.log(`toss-sandbox listening on ${sandbox.url} (billing-auth window: ${sandbox.url}/window/billing-auth)`);

  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    sandbox
      .close()
      .then(() => clock.stop())
      .then(() => redis?.quit())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          console.error('toss-sandbox failed to stop:', e);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('toss-sandbox failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
