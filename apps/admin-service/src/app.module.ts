import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '@roastery/observability';
import { PlatformModule } from '@roastery/platform';
import { ApplicationReviewsModule } from './applications/application-reviews.module';
import { AuditModule } from './audit/audit.module';
import { CONFIG, type AdminServiceConfig } from './config';
import { entities } from './database/entities';
import { migrations } from './database/migrations';

/** admin-service: reviews, the catalog master, oversight and operations for admins. */
@Module({})
export class AppModule {
  static forRoot(config: AdminServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'admin-service', config, configToken: CONFIG, logger, entities, migrations }), AuditModule, ApplicationReviewsModule],
    };
  }
}
