import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

/** Injects the service's Redis client. */
export const InjectRedis = () => Inject(REDIS);

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One ioredis client per service. Every key gets the configured prefix, so test runs (and
 * services sharing a Redis) never read each other's keys.
 */
@Module({})
export class RedisModule {
  static forRoot(options: { url: string; keyPrefix: string }): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        { provide: REDIS, useFactory: () => new Redis(options.url, { keyPrefix: options.keyPrefix, maxRetriesPerRequest: 2, enableOfflineQueue: true }) },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
