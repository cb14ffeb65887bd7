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
  static forRoot(options: { url: string; keyPrefix: string; logger?: { warn(obj: object, msg: string): void } }): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS,
          useFactory: () => {
            const redis = new Redis(options.url, { keyPrefix: options.keyPrefix, maxRetriesPerRequest: 2, enableOfflineQueue: true });
            // Without a listener ioredis reports connection errors as unhandled; callers already see
            // each failed command, and /health reports Redis down, so a short warning is enough.
            redis.on('error', (e: Error) => options.logger?.warn({ err: e.message }, 'redis connection error'));
            return redis;
          },
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
