import { type DynamicModule, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthModule, TokenVerifier } from '@roastery/auth';
import type { BaseConfig } from '@roastery/config';
import { type ClockStore, ClockModule, createClock } from '@roastery/clock';
import { CryptoModule } from '@roastery/crypto';
import { HttpPlatformModule } from '@roastery/http';
import { MessagingModule, MessagingRuntime } from '@roastery/messaging';
import { SchedulerModule } from '@roastery/scheduler';
import { LOGGER, type Logger } from '@roastery/observability';
import { PersistenceModule, type PersistenceOptions, REDIS, RedisModule } from '@roastery/persistence';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { brokerHealthCheck } from './broker-health';
import { IdempotencyModule, idempotencyOptionsFrom } from './idempotency';
import { MessagingHousekeeping, PLATFORM_CONFIG } from './messaging-housekeeping';

export interface PlatformOptions<C extends BaseConfig & { DATABASE_URL: string }> {
  service: string;
  /** The service's parsed configuration; injectable under `configToken`. */
  config: C;
  configToken: symbol;
  logger: Logger;
  entities: PersistenceOptions['entities'];
  migrations: PersistenceOptions['migrations'];
  /**
   * How access tokens are verified. Default: user-service's JWKS over HTTP. user-service, which
   * holds the keys, passes its own factory.
   */
  tokenVerifier?: { imports?: ModuleMetadata['imports']; inject?: never[]; useFactory: (...deps: never[]) => TokenVerifier };
  /**
   * Durable home of the shared clock's offset (admin-service keeps it in its database, so a Redis
   * restart cannot move the clock back).
   */
  clockStore?: { imports?: ModuleMetadata['imports']; inject?: never[]; useFactory: (...deps: never[]) => ClockStore };
}

/**
 * Everything a service stands on, wired once: its database (migrated at start), Redis, the
 * keyring, the message bus with outbox and inbox, token verification, /health and /metrics.
 * A service's AppModule imports this plus its feature modules.
 */
@Module({})
export class PlatformModule {
  static forRoot<C extends BaseConfig & { DATABASE_URL: string }>(o: PlatformOptions<C>): DynamicModule {
    const { config } = o;
    const values: Provider[] = [
      { provide: o.configToken, useValue: config },
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: LOGGER, useValue: o.logger },
      MessagingHousekeeping,
    ];
    return {
      module: PlatformModule,
      global: true,
      providers: values,
      exports: [o.configToken, LOGGER, MessagingHousekeeping],
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, service: o.service, entities: o.entities, migrations: o.migrations }),
        RedisModule.forRoot({ url: config.REDIS_URL, keyPrefix: config.REDIS_PREFIX, logger: o.logger }),
        CryptoModule.forRootAsync({ useFactory: () => ({ keys: config.ENCRYPTION_KEYS, activeKeyId: config.ENCRYPTION_ACTIVE_KEY_ID }) }),
        ClockModule.forRootAsync({
          imports: o.clockStore?.imports ?? [],
          inject: [REDIS, ...((o.clockStore?.inject ?? []) as never[])],
          // Key `<REDIS_PREFIX>clock` through the client's prefix: every service of one deployment
          // (and the Toss sandbox) shares REDIS_PREFIX, and so one clock.
          useFactory: ((redis: Redis, ...deps: never[]) =>
            createClock(config.CLOCK_MODE, redis, { prefix: '', store: o.clockStore?.useFactory(...deps), onError: (e) => o.logger.warn({ err: String(e) }, 'shared clock keeps its last offset') })) as never,
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: o.service,
            amqpUrl: config.AMQP_URL,
            namespace: config.AMQP_NAMESPACE,
            maxAttempts: config.MESSAGE_MAX_ATTEMPTS,
            retryBaseMs: config.MESSAGE_RETRY_BASE_MS,
            enabled: config.MESSAGING_ENABLED,
            queueExpiresMs: config.AMQP_QUEUE_EXPIRES_MS,
            logger: o.logger,
          }),
        }),
        // Recurring jobs run on one elected instance per service (PostgreSQL advisory lock).
        SchedulerModule.forRootAsync({ useFactory: () => ({ connectionString: config.DATABASE_URL, service: o.service, logger: o.logger, enabled: config.MESSAGING_ENABLED }) }),
        AuthModule.forRootAsync(o.tokenVerifier ?? { useFactory: () => TokenVerifier.remote(`${config.USER_SERVICE_URL}/.well-known/jwks.json`) }),
        // Idempotency-Key on @Idempotent routes (ADR 0013); config keys from idempotencyConfigShape.
        IdempotencyModule.forRoot({ logger: o.logger, ...idempotencyOptionsFrom(config) }),
        HttpPlatformModule.forRoot({
          service: o.service,
          healthChecks: {
            inject: [getDataSourceToken(), REDIS, MessagingRuntime],
            useFactory: ((ds: DataSource, redis: Redis, messaging: MessagingRuntime) => [
              { name: 'database', check: async () => void (await ds.query('SELECT 1')) },
              { name: 'redis', check: async () => void (await redis.ping()) },
              brokerHealthCheck(messaging, config.AMQP_URL),
            ]) as never,
          },
        }),
      ],
    };
  }
}
