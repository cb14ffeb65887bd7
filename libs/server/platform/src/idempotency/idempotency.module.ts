import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyHousekeeping } from './idempotency-housekeeping';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';

/**
 * HTTP idempotency keys (ADR 0013): the global interceptor for @Idempotent routes, its store and
 * the pruning job. Needs the app's TypeORM DataSource and Scheduler; PlatformModule imports it.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(options: Partial<IdempotencyOptions> & Pick<IdempotencyOptions, 'logger'>): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: { logger: options.logger, leaseMs: options.leaseMs ?? 60_000, retentionHours: options.retentionHours ?? 24 } satisfies IdempotencyOptions },
        IdempotencyStore,
        IdempotencyHousekeeping,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyHousekeeping],
    };
  }
}
