import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { signupRequestSchema } from '@roastery/contracts';
import { createLogger } from '@roastery/observability';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { AdminAccountsService } from '../accounts/admin-accounts.service';
import { AppModule } from '../app.module';
import { parseConfig } from '../config';

/**
 * `npm run admin:create -- --email a@b.c --password '…' [--name 'Ops']`: creates an admin account,
 * or makes an existing account an admin and sets its password. Talks to the database only; the
 * account's event is published by the service's relay when it next runs.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string', default: 'Administrator' } } });
  const input = signupRequestSchema.safeParse({ email: values.email, password: values.password, name: values.name });
  if (!input.success) {
    console.error('usage: npm run admin:create -- --email <e-mail> --password <at least 10 characters> [--name <name>]');
    for (const i of input.error.issues) console.error(`  ${i.path.join('.')}: ${i.message}`);
    process.exit(2);
  }
  const config = parseConfig({ ...process.env, MESSAGING_ENABLED: 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, createLogger('user-service-cli', config.LOG_LEVEL)), { logger: false });
  try {
    const result = await app.get(AdminAccountsService).ensureAdmin(input.data);
    console.log(`${result.created ? 'created' : 'updated'} admin ${input.data.email} (${result.id})`);
  } finally {
    await app.get<DataSource>(getDataSourceToken()).destroy().catch(() => undefined);
    await app.close();
  }
}

main().catch((e) => {
  console.error('admin:create failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
