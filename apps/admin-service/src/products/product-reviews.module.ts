import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PartnersModule } from '../partners/partners.module';
import { ProductMerger } from './product-merger';
import { ProductReviewsConsumer } from './product-reviews.consumer';
import { ProductReviewsController } from './product-reviews.controller';
import { ProductReviewsService } from './product-reviews.service';

/** Product reviews: the queue, findings, decisions and merges into the catalog master. */
@Module({ imports: [CatalogModule, PartnersModule], controllers: [ProductReviewsController], providers: [ProductReviewsService, ProductMerger, ProductReviewsConsumer] })
export class ProductReviewsModule {}
