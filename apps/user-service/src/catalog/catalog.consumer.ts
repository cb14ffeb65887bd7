import { Injectable, type OnModuleInit } from '@nestjs/common';
import { catalogItemPublished, catalogItemWithdrawn, orderPaid, productStockChanged } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { CatalogCacheInvalidator } from './catalog-cache-invalidator';
import { CatalogPopularity } from './catalog-popularity';
import { CatalogReadModelService } from './catalog-read-model.service';

/**
 * Feeds the catalog read model from catalog and stock events, and popularity from paid orders.
 * Each catalog event has two handlers, run in order in separate transactions: apply, then clear
 * the cache once the change has committed.
 */
@Injectable()
export class CatalogConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly readModel: CatalogReadModelService,
    private readonly invalidator: CatalogCacheInvalidator,
    private readonly popularity: CatalogPopularity,
  ) {}

  onModuleInit(): void {
    this.bus.on(catalogItemPublished, 'user.catalog.apply-published', ({ payload, envelope, em }) => this.readModel.applyPublished(em, envelope.id, payload));
    this.bus.on(catalogItemPublished, 'user.catalog.invalidate-published', ({ envelope, em }) => this.invalidator.afterCommit(em, envelope.id));
    this.bus.on(catalogItemWithdrawn, 'user.catalog.apply-withdrawn', ({ payload, envelope, em }) => this.readModel.applyWithdrawn(em, envelope.id, payload));
    this.bus.on(catalogItemWithdrawn, 'user.catalog.invalidate-withdrawn', ({ envelope, em }) => this.invalidator.afterCommit(em, envelope.id));
    this.bus.on(productStockChanged, 'user.catalog.apply-stock', ({ payload, envelope, em }) => this.readModel.applyStockChanged(em, envelope.id, payload));
    this.bus.on(productStockChanged, 'user.catalog.invalidate-stock', ({ envelope, em }) => this.invalidator.afterCommit(em, envelope.id));
    // Redis is outside the inbox transaction; recordOrder is idempotent per order id on its own.
    this.bus.on(orderPaid, 'user.catalog.count-popularity', async ({ payload }) => void (await this.popularity.recordOrder(payload)));
  }
}
