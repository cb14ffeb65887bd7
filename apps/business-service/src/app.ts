import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@roastery/platform';
import { AppModule } from './app.module';
import { parseConfig } from './config';

/** Builds business-service from an environment; main.ts and the tests both start here. */
export function createApp(env: Record<string, string | undefined>): Promise<NestFastifyApplication> {
  return createServiceApp({
    service: 'business-service',
    config: parseConfig(env),
    module: (config, logger) => AppModule.forRoot(config, logger),
    docs: { title: 'Roastery Market — business-service', description: 'Partner applications, partners, products, stock and fulfilment.' },
  });
}
