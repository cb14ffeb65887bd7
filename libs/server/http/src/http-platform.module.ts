import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from './health.controller';
import { Metrics, MetricsController } from './metrics';

export interface HttpPlatformOptions {
  service: string;
  /** Factory for the readiness checks, with its injected dependencies. */
  healthChecks: { inject: unknown[]; useFactory: (...deps: never[]) => HealthCheck[] };
}

/** /health and /metrics for a service; import once in the app module. */
@Module({})
export class HttpPlatformModule {
  static forRoot(options: HttpPlatformOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: Metrics, useValue: new Metrics(options.service) },
      { provide: HEALTH_CHECKS, inject: options.healthChecks.inject as never[], useFactory: options.healthChecks.useFactory },
    ];
    return { module: HttpPlatformModule, global: true, controllers: [HealthController, MetricsController], providers, exports: [Metrics] };
  }
}
