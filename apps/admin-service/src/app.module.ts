import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '@roastery/observability';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PlatformModule } from '@roastery/platform';
import type { DataSource } from 'typeorm';
import { ApplicationReviewsModule } from './applications/application-reviews.module';
import { AuditModule } from './audit/audit.module';
import { BillingRunsModule } from './billing-runs/billing-runs.module';
import { CatalogModule } from './catalog/catalog.module';
import { ClockAdminModule } from './clock/clock-admin.module';
import { databaseClockStore } from './clock/database-clock-store';
import { CONFIG, type AdminServiceConfig } from './config';
import { entities } from './database/entities';
import { migrations } from './database/migrations';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { PartnersModule } from './partners/partners.module';
import { PaymentsModule } from './payments/payments.module';
import { ProductReviewsModule } from './products/product-reviews.module';

/** admin-service: reviews, the catalog master, oversight and operations for admins. */
@Module({})
export class AppModule {
  static forRoot(config: AdminServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'admin-service',
          config,
          configToken: CONFIG,
          logger,
          entities,
          migrations,
          // admin-service sets the shared clock, so it keeps the offset's durable copy.
          clockStore: { inject: [getDataSourceToken() as never], useFactory: (ds: DataSource) => databaseClockStore(ds) },
        }),
        AuditModule,
        ApplicationReviewsModule,
        PartnersModule,
        ProductReviewsModule,
        CatalogModule,
        ClockAdminModule,
        DeadLettersModule,
        BillingRunsModule,
        PaymentsModule,
      ],
    };
  }
}
