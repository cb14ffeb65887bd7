import { Injectable } from '@nestjs/common';
import { type Grind, type PartnerProductDto, productStockChanged, type VersionStatus } from '@roastery/contracts';
import { ApiException } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { type EntityManager, In, IsNull } from 'typeorm';
import { Product } from './product.entity';
import { toPartnerProductDto } from './product.mapper';
import { productStatusOf } from './product.rules';
import { ProductOptionRow } from './product-option.entity';
import { ProductVersion } from './product-version.entity';

/** Reads and writes of products, versions and options shared by the partner's and the reviewers' use cases. */
@Injectable()
export class ProductStore {
  constructor(private readonly outbox: Outbox) {}

  /** The product locked for update until the transaction ends, or null. */
  lock(em: EntityManager, id: string): Promise<Product | null> {
    return em.findOne(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** One version of a product; a missing one is a bug (versions are never deleted). */
  async version(em: EntityManager, productId: string, version: number): Promise<ProductVersion> {
    const v = await em.findOneBy(ProductVersion, { productId, version });
    if (!v) throw new Error(`product ${productId} has no version ${version}`);
    return v;
  }

  /** A version if it exists. */
  findVersion(em: EntityManager, productId: string, version: number): Promise<ProductVersion | null> {
    return em.findOneBy(ProductVersion, { productId, version });
  }

  /** Every option the product ever had, live and retired. */
  options(em: EntityManager, productId: string): Promise<ProductOptionRow[]> {
    return em.find(ProductOptionRow, { where: { productId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Creates options with their starting stock, each announced as its first stock change. */
  async createOptions(em: EntityManager, product: Pick<Product, 'id' | 'partnerId'>, created: Array<{ id: string; weightGrams: number; grind: Grind; stock: number }>, now: Date): Promise<void> {
    if (created.length === 0) return;
    await em.insert(
      ProductOptionRow,
      created.map((o) => ({ id: o.id, productId: product.id, weightGrams: o.weightGrams, grind: o.grind, stock: o.stock, stockVersion: 1, retiredAt: null, createdAt: now, updatedAt: now })),
    );
    for (const o of created) await this.announceStock(em, product, { id: o.id, stock: o.stock, stockVersion: 1 }, now);
  }

  /**
   * Sets an option's stock (units on hand) if it differs, in one atomic statement (the CHECK keeps it
   * at zero or above), and announces the availability (stock − held) with the next stockVersion.
   * Stock below the units held for unpaid orders is refused with 409 (ADR 0014). Returns whether it changed.
   */
  async setStock(em: EntityManager, product: Pick<Product, 'id' | 'partnerId'>, optionId: string, stock: number, now: Date): Promise<boolean> {
    const result: unknown = await em.query(
      `UPDATE product_options SET stock = $1, stock_version = stock_version + 1, updated_at = $2 WHERE id = $3 AND product_id = $4 AND stock <> $1 AND held <= $1 RETURNING stock_version, held`,
      [stock, now, optionId, product.id],
    );
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [updated] = result as [Array<{ stock_version: number; held: number }>, number];
    if (updated.length === 0) {
      const [row] = (await em.query(`SELECT held FROM product_options WHERE id = $1 AND product_id = $2`, [optionId, product.id])) as Array<{ held: number }>;
      if (row && row.held > stock) {
        throw new ApiException(409, 'CONFLICT', `${row.held} units are held for orders awaiting payment; stock cannot be set below that until they are paid or voided`, [{ path: 'stock', message: `at least ${row.held}` }]);
      }
      return false;
    }
    await this.announceStock(em, product, { id: optionId, stock: stock - updated[0].held, stockVersion: updated[0].stock_version }, now);
    return true;
  }

  /** Retires options for good: they leave the product's future versions and their ids never return. */
  /**
   * Moves options (with their ids and stock) to another product of the same partner, as a merge
   * does, and announces them under their new product with the next stockVersion.
   */
  async moveOptions(em: EntityManager, optionIds: string[], to: Pick<Product, 'id' | 'partnerId'>, now: Date): Promise<void> {
    if (optionIds.length === 0) return;
    const [rows] = (await em.query(
      `UPDATE product_options SET product_id = $1, stock_version = stock_version + 1, retired_at = NULL, updated_at = $2 WHERE id = ANY($3::uuid[]) RETURNING id, stock - held AS stock, stock_version`,
      [to.id, now, optionIds],
    )) as [{ id: string; stock: number; stock_version: number }[], number];
    for (const r of rows) await this.announceStock(em, to, { id: r.id, stock: r.stock, stockVersion: r.stock_version }, now);
  }

  async retire(em: EntityManager, optionIds: string[], now: Date): Promise<void> {
    if (optionIds.length > 0) await em.update(ProductOptionRow, { id: In(optionIds), retiredAt: IsNull() }, { retiredAt: now, updatedAt: now });
  }

  /** Marks every version of the product in one of these statuses SUPERSEDED. */
  async supersede(em: EntityManager, productId: string, statuses: VersionStatus[], now: Date): Promise<void> {
    await em.update(ProductVersion, { productId, status: In(statuses) }, { status: 'SUPERSEDED', updatedAt: now });
  }

  /** Saves the product with its status derived from its versions, and counts the change in `revision`. */
  async save(em: EntityManager, product: Product, newestStatus: VersionStatus, now: Date): Promise<Product> {
    const closed = product.status === 'WITHDRAWN' || product.status === 'MERGED' ? product.status : null;
    product.status = productStatusOf({ closed, onSaleVersion: product.onSaleVersion, newestStatus });
    product.updatedAt = now;
    product.revision += 1;
    await em.update(Product, { id: product.id }, {
      status: product.status,
      latestVersion: product.latestVersion,
      onSaleVersion: product.onSaleVersion,
      catalogItemId: product.catalogItemId,
      mergedIntoProductId: product.mergedIntoProductId,
      closedAt: product.closedAt,
      updatedAt: now,
      revision: product.revision,
    });
    return product;
  }

  /** The partner's view of one product. */
  async dto(em: EntityManager, product: Product): Promise<PartnerProductDto> {
    const [dto] = await this.dtos(em, [product]);
    return dto;
  }

  /** The partner's view of several products, in two queries whatever their number. */
  async dtos(em: EntityManager, products: Product[]): Promise<PartnerProductDto[]> {
    if (products.length === 0) return [];
    const ids = products.map((p) => p.id);
    const versions = await em
      .createQueryBuilder(ProductVersion, 'v')
      .innerJoin(Product, 'p', 'p.id = v.product_id AND p.latest_version = v.version')
      .where('v.product_id IN (:...ids)', { ids })
      .getMany();
    const options = await em.find(ProductOptionRow, { where: { productId: In(ids) }, select: { id: true, stock: true } });
    const newest = new Map(versions.map((v) => [v.productId, v]));
    const stock = new Map(options.map((o) => [o.id, o]));
    return products.map((p) => {
      const v = newest.get(p.id);
      if (!v) throw new Error(`product ${p.id} has no version ${p.latestVersion}`);
      return toPartnerProductDto(p, v, stock);
    });
  }

  private async announceStock(em: EntityManager, product: Pick<Product, 'id' | 'partnerId'>, o: { id: string; stock: number; stockVersion: number }, now: Date): Promise<void> {
    // The option is its own ordering unit: aggregateVersion is its stockVersion.
    await this.outbox.add(em, productStockChanged, {
      aggregateId: o.id,
      aggregateVersion: o.stockVersion,
      payload: { productId: product.id, partnerId: product.partnerId, optionId: o.id, stock: o.stock, stockVersion: o.stockVersion, changedAt: now.toISOString() },
    });
  }
}
