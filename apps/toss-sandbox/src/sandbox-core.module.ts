import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CLOCK } from './clock';
import { BasicAuthGuard } from './common/basic-auth.guard';
import { InFlightRequests } from './common/in-flight-requests';
import { FaultInjectionInterceptor } from './faults/fault-injection.interceptor';
import { TestCodeInterceptor } from './faults/test-code.interceptor';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyService } from './idempotency/idempotency.service';
import { SANDBOX_OPTIONS, type SandboxModuleOptions } from './sandbox-options';
import { SettingsEntity } from './settings/settings.entity';
import { SettingsService } from './settings/settings.service';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookOutboxService } from './webhooks/webhook-outbox.service';

const shared = [
  InFlightRequests,
  SettingsService,
  IdempotencyService,
  WebhookOutboxService,
  WebhookDispatcher,
  BasicAuthGuard,
  FaultInjectionInterceptor,
  TestCodeInterceptor,
  IdempotencyInterceptor,
];

/** What every feature of the emulated API shares: options, clock, settings, idempotency, webhooks, auth. */
@Global()
@Module({})
export class SandboxCoreModule {
  /** Binds the boot options and the clock. */
  static forRoot(options: SandboxModuleOptions): DynamicModule {
    return {
      module: SandboxCoreModule,
      imports: [TypeOrmModule.forFeature([SettingsEntity, IdempotencyRecordEntity, WebhookDeliveryEntity])],
      providers: [{ provide: SANDBOX_OPTIONS, useValue: options }, { provide: CLOCK, useValue: options.clock }, ...shared],
      exports: [SANDBOX_OPTIONS, CLOCK, ...shared],
    };
  }
}
