import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { assertProductionSafe, type BaseConfig } from '@roastery/config';
import { createHttpApp } from '@roastery/http';
import { createLogger, type Logger } from '@roastery/observability';

/**
 * Builds a service's HTTP application from its config: the one path main.ts, the CLI and the
 * tests share, so what is tested is what runs.
 */
export async function createServiceApp<C extends BaseConfig>(o: {
  service: string;
  config: C;
  module: (config: C, logger: Logger) => DynamicModule;
  docs: { title: string; description: string };
}): Promise<NestFastifyApplication> {
  assertProductionSafe(o.config);
  const logger = createLogger(o.service, o.config.LOG_LEVEL);
  return createHttpApp(o.module(o.config, logger), { service: o.service, logger, bodyLimit: o.config.HTTP_BODY_LIMIT, trustProxy: o.config.HTTP_TRUST_PROXY, docs: o.docs });
}
