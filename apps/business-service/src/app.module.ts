import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '@roastery/observability';
import { PlatformModule } from '@roastery/platform';
import { ApplicationsModule } from './applications/applications.module';
import { CONFIG, type BusinessServiceConfig } from './config';
import { entities } from './database/entities';
import { migrations } from './database/migrations';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { PartnerOrdersModule } from './partner-orders/partner-orders.module';
import { PartnersModule } from './partners/partners.module';
import { ProductsModule } from './products/products.module';
import { StockModule } from './stock/stock.module';

/** business-service: partner organisations, their products, stock and fulfilment. */
@Module({})
export class AppModule {
  static forRoot(config: BusinessServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'business-service', config, configToken: CONFIG, logger, entities, migrations }), ApplicationsModule, PartnersModule, ProductsModule, StockModule, PartnerOrdersModule, FulfilmentModule],
    };
  }
}
