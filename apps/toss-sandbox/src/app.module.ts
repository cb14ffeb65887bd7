import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from './billing/billing.module';
import { TossExceptionFilter } from './common/toss-exception.filter';
import { ControlModule } from './control/control.module';
import { sandboxDataSourceOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { PaymentsModule } from './payments/payments.module';
import { ReportsModule } from './reports/reports.module';
import { SandboxCoreModule } from './sandbox-core.module';
import type { SandboxModuleOptions } from './sandbox-options';

/** The Toss sandbox: the emulated /v1 API, the billing-auth window, /sandbox controls and /health. */
@Module({})
export class AppModule {
  /** Builds the module for one database and clock. */
  static forRoot(options: SandboxModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Migrations run at start; the schema is never synchronised from the entities.
        TypeOrmModule.forRoot({ ...sandboxDataSourceOptions(options.databaseUrl), migrationsRun: true, retryAttempts: 2, retryDelay: 500 }),
        SandboxCoreModule.forRoot(options),
        BillingModule,
        PaymentsModule,
        ReportsModule,
        ControlModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: TossExceptionFilter }],
    };
  }
}
