import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type Logger, runInContext, sanitizeCorrelationId } from '@roastery/observability';
import { ApiErrorFilter } from './error-filter';
import { Metrics } from './metrics';

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  bodyLimit: number;
  /** Peers allowed to set X-Forwarded-For. */
  trustProxy: string;
  /** Title and description for the OpenAPI document at /docs-json. */
  docs: { title: string; description: string };
}

/**
 * Builds a service's HTTP application the same way for main.ts and tests: Fastify with a body
 * limit, correlation ids from the `x-correlation-id` header (or fresh ones) carried through
 * AsyncLocalStorage, one error shape, request metrics and an OpenAPI document.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit, trustProxy: options.trustProxy, logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger: nestLogger(options.logger), bufferLogs: false });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', (req, reply, done) => {
    const correlationId = sanitizeCorrelationId(req.headers['x-correlation-id']);
    void reply.header('x-correlation-id', correlationId);
    // Running the rest of the request inside the context is what lets the outbox and the logger
    // pick up this correlation id without passing it around.
    runInContext({ correlationId, causationId: null }, done);
  });

  const metrics = app.get(Metrics, { strict: false });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics?.httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (route !== '/health' && route !== '/metrics') {
      options.logger.info({ method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    }
    done();
  });

  app.useGlobalFilters(new ApiErrorFilter(options.logger));
  app.enableShutdownHooks();

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.docs.title).setDescription(options.docs.description).addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app as unknown as INestApplication, doc, { jsonDocumentUrl: 'docs-json' });
  return app;
}

function nestLogger(log: Logger) {
  return {
    log: (m: unknown, ctx?: string) => log.debug({ ctx }, String(m)),
    error: (m: unknown, trace?: string, ctx?: string) => log.error({ ctx, trace }, String(m)),
    warn: (m: unknown, ctx?: string) => log.warn({ ctx }, String(m)),
    debug: (m: unknown, ctx?: string) => log.debug({ ctx }, String(m)),
    verbose: (m: unknown, ctx?: string) => log.trace({ ctx }, String(m)),
  };
}
