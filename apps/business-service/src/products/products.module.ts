import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { ProductDecisionsService } from './product-decisions.service';
import { ProductStore } from './product-store';
import { ProductsConsumer } from './products.consumer';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

/** Partner products: drafts, versions under review, options and stock. */
@Module({ imports: [PartnersModule], controllers: [ProductsController], providers: [ProductsService, ProductDecisionsService, ProductStore, ProductsConsumer] })
export class ProductsModule {}
