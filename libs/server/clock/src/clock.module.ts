import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnModuleDestroy,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import type { Clock, ManagedClock } from './clock';

/** Injection token of the service's Clock: `@Inject(CLOCK) private readonly clock: Clock`. */
export const CLOCK = Symbol('CLOCK');

/** How a service builds its clock, typically `createClock(config.CLOCK_MODE, redis, { prefix })`. */
export interface ClockModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => Clock | Promise<Clock>;
  /** Registers CLOCK for every module of the app (default true: there is one clock per service). */
  global?: boolean;
}

function isManaged(clock: Clock): clock is ManagedClock {
  const candidate = clock as Partial<ManagedClock>;
  return typeof candidate.start === 'function' && typeof candidate.stop === 'function';
}

/** Stops the clock when the application shuts down. */
@Injectable()
class ClockLifecycle implements OnModuleDestroy {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async onModuleDestroy(): Promise<void> {
    if (isManaged(this.clock)) await this.clock.stop();
  }
}

/** Provides CLOCK, started before anything can inject it and stopped with the application. */
@Module({})
export class ClockModule {
  /** Registers the clock built by `useFactory` under the CLOCK token. */
  static forRootAsync(options: ClockModuleAsyncOptions): DynamicModule {
    return {
      module: ClockModule,
      global: options.global ?? true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: CLOCK,
          inject: options.inject ?? [],
          // Started inside the factory so no consumer ever reads a clock that has not loaded its offset.
          useFactory: async (...args: never[]) => {
            const clock = await options.useFactory(...args);
            if (isManaged(clock)) await clock.start();
            return clock;
          },
        },
        ClockLifecycle,
      ],
      exports: [CLOCK],
    };
  }
}
