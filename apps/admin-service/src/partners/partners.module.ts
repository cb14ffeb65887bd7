import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PartnersConsumer } from './partners.consumer';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';

/** Partners: read model, suspension, reinstatement, trusted switch. */
@Module({ imports: [CatalogModule], controllers: [PartnersController], providers: [PartnersService, PartnersConsumer], exports: [PartnersService] })
export class PartnersModule {}
