import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clock } from '@roastery/clock';
import { CLOCK } from '@roastery/clock';
import { type CatalogMasterEntryDto, catalogItemPublished, catalogItemWithdrawn, type Page, type ProductVersionContent } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Partner } from '../partners/partner.entity';
import { CatalogItem, type MergeRecord, type OffSaleReason } from './catalog-item.entity';
import type { CatalogListQuery } from './catalog.dto';
import { coffeeKey, lotKey } from './coffee-keys.rules';

/**
 * The catalog master: puts approved versions into catalog items and takes items on and off sale.
 * Every method writes with the caller's transaction, so each catalog event commits with its cause.
 */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The catalog item of a product, if it has one, optionally locked for update. */
  findByProduct(em: EntityManager, productId: string, lock = false): Promise<CatalogItem | null> {
    return em.findOne(CatalogItem, { where: { productId }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  /**
   * Puts an approved version on sale: creates the product's item on its first approval, otherwise
   * updates the same item (never a second one). The caller holds the partner's row lock.
   */
  async putApprovedVersion(em: EntityManager, partner: Partner, productId: string, productVersion: number, content: ProductVersionContent): Promise<CatalogItem> {
    const now = this.clock.now();
    const item =
      (await this.findByProduct(em, productId, true)) ??
      em.create(CatalogItem, { id: uuidv7(), productId, partnerId: partner.id, itemVersion: 0, mergeHistory: [], createdAt: now });
    this.setContent(item, productVersion, content);
    return this.place(em, item, partner);
  }

  /** Folds a confirmed duplicate's content into the target's item and records the merge. */
  foldInto(em: EntityManager, target: CatalogItem, partner: Partner, productVersion: number, content: ProductVersionContent, merge: MergeRecord): Promise<CatalogItem> {
    this.setContent(target, productVersion, content);
    target.mergeHistory = [...target.mergeHistory, merge];
    return this.place(em, target, partner);
  }

  /**
   * Takes an item off sale and announces it. An item already off sale because its partner is
   * suspended only learns the new reason (the product's own fate outlasts the suspension), silently.
   */
  async takeOffSale(em: EntityManager, item: CatalogItem, reason: OffSaleReason): Promise<void> {
    if (!item.onSale) {
      if (item.offSaleReason === 'PARTNER_SUSPENDED' && reason !== 'PARTNER_SUSPENDED') {
        item.offSaleReason = reason;
        item.updatedAt = this.clock.now();
        await em.save(item);
      }
      return;
    }
    item.onSale = false;
    item.offSaleReason = reason;
    item.itemVersion += 1;
    item.updatedAt = this.clock.now();
    await em.save(item);
    await this.outbox.add(em, catalogItemWithdrawn, {
      aggregateId: item.id,
      aggregateVersion: item.itemVersion,
      payload: { catalogItemId: item.id, itemVersion: item.itemVersion, productId: item.productId, reason, withdrawnAt: item.updatedAt.toISOString() },
    });
  }

  /** Takes every on-sale item of a suspended partner off sale; returns how many. */
  async withdrawPartnerItems(em: EntityManager, partner: Partner): Promise<number> {
    const items = await em.find(CatalogItem, { where: { partnerId: partner.id, onSale: true }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    for (const item of items) await this.takeOffSale(em, item, 'PARTNER_SUSPENDED');
    return items.length;
  }

  /** Puts back on sale every item a reinstated partner lost to its suspension; returns how many. */
  async republishPartnerItems(em: EntityManager, partner: Partner): Promise<number> {
    const items = await em.find(CatalogItem, { where: { partnerId: partner.id, offSaleReason: 'PARTNER_SUSPENDED' }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    for (const item of items) await this.place(em, item, partner);
    return items.length;
  }

  /** Announces a partner's on-sale items again, e.g. once its name is known. */
  async reannouncePartnerItems(em: EntityManager, partner: Partner): Promise<void> {
    const items = await em.find(CatalogItem, { where: { partnerId: partner.id, onSale: true }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    for (const item of items) await this.place(em, item, partner);
  }

  /** The catalog master for admins, newest change first, with merge history and partner status. */
  async list(q: CatalogListQuery): Promise<Page<CatalogMasterEntryDto>> {
    const [rows, total] = await this.ds.getRepository(CatalogItem).findAndCount({
      where: { ...(q.partnerId && { partnerId: q.partnerId }), ...(q.lotKey !== undefined && { lotKey: q.lotKey }), ...(q.onSale !== undefined && { onSale: q.onSale }) },
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    const partners = rows.length ? await this.ds.getRepository(Partner).findBy({ id: In([...new Set(rows.map((r) => r.partnerId))]) }) : [];
    const byId = new Map(partners.map((p) => [p.id, p]));
    return { items: rows.map((r) => toMasterEntry(r, byId.get(r.partnerId))), page: q.page, size: q.size, total };
  }

  private setContent(item: CatalogItem, productVersion: number, content: ProductVersionContent): void {
    item.productVersion = productVersion;
    item.content = content;
    item.lotKey = lotKey(content);
    item.coffeeKey = coffeeKey(content);
  }

  /** On sale and announced (itemVersion + 1) while the partner is active; held back while it is suspended. */
  private async place(em: EntityManager, item: CatalogItem, partner: Partner): Promise<CatalogItem> {
    item.updatedAt = this.clock.now();
    if (partner.status !== 'ACTIVE') {
      item.onSale = false;
      item.offSaleReason = 'PARTNER_SUSPENDED';
      return em.save(item);
    }
    item.onSale = true;
    item.offSaleReason = null;
    item.itemVersion += 1;
    const saved = await em.save(item);
    await this.outbox.add(em, catalogItemPublished, {
      aggregateId: saved.id,
      aggregateVersion: saved.itemVersion,
      payload: {
        catalogItemId: saved.id,
        itemVersion: saved.itemVersion,
        productId: saved.productId,
        productVersion: saved.productVersion,
        partner: { id: partner.id, name: partner.name },
        content: saved.content,
        lotKey: saved.lotKey,
        publishedAt: saved.updatedAt.toISOString(),
      },
    });
    return saved;
  }
}

function toMasterEntry(r: CatalogItem, partner: Partner | undefined): CatalogMasterEntryDto {
  return {
    catalogItemId: r.id,
    productId: r.productId,
    partner: { id: r.partnerId, name: partner?.name ?? '', status: partner?.status ?? 'ACTIVE' },
    name: r.content.name,
    onSale: r.onSale,
    itemVersion: r.itemVersion,
    productVersion: r.productVersion,
    lotKey: r.lotKey,
    mergeHistory: r.mergeHistory.map((m) => ({ sourceProductId: m.sourceProductId, mergedAt: m.mergedAt, by: m.by })),
    updatedAt: r.updatedAt.toISOString(),
  };
}
