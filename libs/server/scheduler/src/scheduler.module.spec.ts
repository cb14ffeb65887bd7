import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Scheduler } from './scheduler';
import { SchedulerModule, type SchedulerModuleOptions } from './scheduler.module';
import { createTestDatabase, type TestDatabase } from './testing/test-database';
import { waitUntil } from './testing/wait-until';

const CONFIG = Symbol('CONFIG');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let runs = 0;

// A feature registering its job the way services do: in onModuleInit, before the scheduler starts.
@Injectable()
class RenewalsJob implements OnModuleInit {
  constructor(private readonly scheduler: Scheduler) {}
  onModuleInit(): void {
    this.scheduler.every('renewals', 20, () => void runs++);
  }
}

@Module({ providers: [RenewalsJob] })
class RenewalsModule {}

function configModule(config: Partial<SchedulerModuleOptions>) {
  @Module({ providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] })
  class ConfigModule {}
  return ConfigModule;
}

async function app(db: TestDatabase, extra: Partial<SchedulerModuleOptions> = {}) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      SchedulerModule.forRootAsync({
        imports: [configModule({ connectionString: db.url, ...extra })],
        inject: [CONFIG],
        useFactory: (config: SchedulerModuleOptions) => ({
          ...config,
          service: 'user-service',
          electionIntervalMs: 100,
          logger: quiet,
        }),
      }),
      RenewalsModule,
    ],
  }).compile();
  return moduleRef.init();
}

describe('SchedulerModule', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('starts on bootstrap with the jobs features registered, and stops on close', async () => {
    runs = 0;
    const nest = await app(db);
    const scheduler = nest.get(Scheduler);

    expect(scheduler.isLeader()).toBe(true);
    await waitUntil(() => runs >= 2, { what: 'the job to run' });

    await nest.close();
    expect(scheduler.isLeader()).toBe(false);
    // A second app can lead at once because close released the lock.
    const next = await app(db);
    expect(next.get(Scheduler).isLeader()).toBe(true);
    await next.close();
  });

  it('stays out of the election when disabled', async () => {
    const nest = await app(db, { enabled: false });
    expect(nest.get(Scheduler).isLeader()).toBe(false);
    expect(nest.get(Scheduler).jobNames()).toEqual(['renewals']);
    await nest.close();
  });
});
