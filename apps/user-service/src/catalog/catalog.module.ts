import { Module } from '@nestjs/common';
import { CatalogCache } from './catalog-cache';
import { CatalogCacheInvalidator } from './catalog-cache-invalidator';
import { CatalogConsumer } from './catalog.consumer';
import { CatalogController } from './catalog.controller';
import { CatalogPopularity } from './catalog-popularity';
import { CatalogQueryService } from './catalog-query.service';
import { CatalogReader } from './catalog-reader';
import { CatalogReadModelService } from './catalog-read-model.service';

/** The subscriber catalog: a read model of catalog events, search, popularity and its Redis cache (ADR 0011). */
@Module({
  controllers: [CatalogController],
  providers: [CatalogReadModelService, CatalogCache, CatalogCacheInvalidator, CatalogPopularity, CatalogReader, CatalogQueryService, CatalogConsumer],
})
export class CatalogModule {}
