import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createLogger } from '@roastery/observability';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { parseConfig } from '../config';
import { BillingKeyRotation } from '../payment-methods/billing-key-rotation';

/**
 * `npm run keys:reencrypt`: re-seals every stored billing key with ENCRYPTION_ACTIVE_KEY_ID. Key
 * rotation: add the new key to ENCRYPTION_KEYS and make it active (restart the services), run this,
 * then remove the old key. Prints counts only, never a key.
 */
async function main(): Promise<void> {
  const config = parseConfig({ ...process.env, MESSAGING_ENABLED: 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, createLogger('user-service-cli', config.LOG_LEVEL)), { logger: false });
  try {
    const report = await app.get(BillingKeyRotation).reencryptAll();
    console.log(`re-encrypted ${report.reencrypted} billing key(s) with key "${report.activeKeyId}"`);
  } finally {
    await app.get<DataSource>(getDataSourceToken()).destroy().catch(() => undefined);
    await app.close();
  }
}

main().catch((e) => {
  console.error('keys:reencrypt failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
