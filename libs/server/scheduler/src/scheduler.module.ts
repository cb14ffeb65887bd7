import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { Scheduler, type SchedulerOptions } from './scheduler';
import type { SchedulerLogger } from './scheduler-logger';

/** Scheduler settings a service supplies; `enabled: false` keeps an instance out of the election. */
export interface SchedulerModuleOptions extends SchedulerOptions {
  /** Whether this instance may become leader and run jobs (default true). */
  enabled?: boolean;
}

/** How a service supplies its scheduler settings, typically from its config and service name. */
export interface SchedulerModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => SchedulerModuleOptions | Promise<SchedulerModuleOptions>;
  /** Registers Scheduler for every module of the app (default true). */
  global?: boolean;
}

const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

/** Logs through Nest's logger when the service passed none. */
function nestSchedulerLogger(): SchedulerLogger {
  const logger = new Logger('Scheduler');
  const describe = (obj: object): string => {
    const { err, ...rest } = obj as { err?: unknown };
    const cause = err instanceof Error ? ` – ${err.message}` : err === undefined ? '' : ` – ${String(err)}`;
    return `${JSON.stringify(rest)}${cause}`;
  };
  return {
    info: (obj, msg) => logger.log(`${msg} ${describe(obj)}`),
    warn: (obj, msg) => logger.warn(`${msg} ${describe(obj)}`),
    error: (obj, msg) => {
      const { err } = obj as { err?: unknown };
      logger.error(`${msg} ${describe(obj)}`, err instanceof Error ? err.stack : undefined);
    },
  };
}

/** Starts the scheduler once every module has registered its jobs, and stops it on shutdown. */
@Injectable()
class SchedulerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly scheduler: Scheduler,
    @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.enabled ?? true) await this.scheduler.start();
  }

  // Before the DataSource closes (TypeOrmModule does that in onApplicationShutdown), so running jobs
  // can finish their transactions.
  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }
}

/**
 * Provides the service's Scheduler. Feature modules register jobs in `onModuleInit`
 * (`scheduler.every('billing.due', 60_000, ...)`); the scheduler starts on application bootstrap.
 */
@Module({})
export class SchedulerModule {
  /** Registers a Scheduler built from the options `useFactory` returns. */
  static forRootAsync(options: SchedulerModuleAsyncOptions): DynamicModule {
    return {
      module: SchedulerModule,
      global: options.global ?? true,
      imports: options.imports ?? [],
      providers: [
        { provide: SCHEDULER_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: Scheduler,
          inject: [SCHEDULER_OPTIONS],
          useFactory: (o: SchedulerModuleOptions) => new Scheduler({ ...o, logger: o.logger ?? nestSchedulerLogger() }),
        },
        SchedulerLifecycle,
      ],
      exports: [Scheduler],
    };
  }
}
