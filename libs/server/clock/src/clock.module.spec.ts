import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import type { Clock } from './clock';
import { CLOCK, ClockModule } from './clock.module';
import { createClock } from './create-clock';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const REDIS = Symbol('REDIS');
const DAY = 24 * 60 * 60 * 1000;

@Injectable()
class Billing {
  constructor(@Inject(CLOCK) readonly clock: Clock) {}
}

@Module({ providers: [Billing] })
class BillingModule {}

// Stands in for the service's own Redis module.
function redisModule(client: Redis) {
  @Module({ providers: [{ provide: REDIS, useValue: client }], exports: [REDIS] })
  class RedisModule {}
  return RedisModule;
}

describe('ClockModule', () => {
  const prefix = `test:clock-module:${randomUUID()}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await redis.del(`${prefix}clock`);
    await redis.quit();
  });

  it('injects a started clock everywhere and stops it with the app', async () => {
    await redis.set(`${prefix}clock`, JSON.stringify({ offsetMs: 2 * DAY, setAt: new Date().toISOString() }));
    const app = await Test.createTestingModule({
      imports: [
        ClockModule.forRootAsync({
          imports: [redisModule(redis)],
          inject: [REDIS],
          useFactory: (client: Redis) => createClock('shared', client, { prefix }),
        }),
        BillingModule,
      ],
    }).compile();
    await app.init();

    const billing = app.get(Billing);
    expect(billing.clock.now().getTime()).toBeGreaterThanOrEqual(Date.now() + 2 * DAY - 1_000);
    expect(await redis.pubsub('NUMSUB', `${prefix}clock:changed`)).toEqual([`${prefix}clock:changed`, 1]);

    await app.close();
    expect(await redis.pubsub('NUMSUB', `${prefix}clock:changed`)).toEqual([`${prefix}clock:changed`, 0]);
  });
});
