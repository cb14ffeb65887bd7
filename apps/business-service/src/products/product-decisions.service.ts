import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@roastery/clock';
import { type PayloadOf, type productMerged, type productVersionApproved, type productVersionRejected, productWithdrawn } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import type { EntityManager } from 'typeorm';
import type { Product } from './product.entity';
import { classifyDecision, classifyMerge, isOpen } from './product.rules';
import { reconcileMergeOptions } from './product-options.rules';
import { ProductStore } from './product-store';
import { ProductVersion } from './product-version.entity';

/**
 * Applies admin-service's review decisions to products. Each method runs inside a consumer's
 * transaction (with its inbox row): stale and repeated decisions are no-ops, contradictory ones
 * throw so the message is dead-lettered for a human.
 */
@Injectable()
export class ProductDecisionsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly store: ProductStore,
  ) {}

  /**
   * A version was approved: it goes on sale (the previously approved one is superseded) and the
   * product remembers its catalog item. If the partner withdrew the product meanwhile, the decision
   * is recorded but the product stays withdrawn, and the withdrawal is announced again so the
   * catalog takes the freshly published item down.
   */
  async approve(em: EntityManager, e: PayloadOf<typeof productVersionApproved>): Promise<void> {
    const { product, version } = await this.decisionTarget(em, e);
    const outcome = classifyDecision(version, { kind: 'APPROVE', decidedAt: new Date(e.decidedAt) });
    if (outcome === 'STALE') return;
    if (outcome === 'CONTRADICTORY') throw new Error(`product ${e.productId} version ${e.version} is ${version.status}; cannot approve it`);
    if (product.catalogItemId !== null && product.catalogItemId !== e.catalogItemId) {
      throw new Error(`product ${e.productId} belongs to catalog item ${product.catalogItemId}, not ${e.catalogItemId}`);
    }
    if (outcome === 'REPEAT') return;

    const now = this.clock.now();
    await this.store.supersede(em, product.id, ['APPROVED'], now);
    await em.update(ProductVersion, { productId: product.id, version: e.version }, { status: 'APPROVED', decidedAt: new Date(e.decidedAt), reviewerId: e.reviewerId, rejectionReason: null, updatedAt: now });
    product.catalogItemId = e.catalogItemId;
    if (isOpen(product.status)) product.onSaleVersion = e.version;
    const newestStatus = e.version === product.latestVersion ? 'APPROVED' : (await this.store.version(em, product.id, product.latestVersion)).status;
    await this.store.save(em, product, newestStatus, now);
    if (product.status === 'WITHDRAWN') {
      await this.outbox.add(em, productWithdrawn, {
        aggregateId: product.id,
        aggregateVersion: product.revision,
        payload: { productId: product.id, partnerId: product.partnerId, withdrawnAt: (product.closedAt ?? now).toISOString() },
      });
    }
  }

  /** A version was rejected: the partner sees the reason; an approved version stays on sale. */
  async reject(em: EntityManager, e: PayloadOf<typeof productVersionRejected>): Promise<void> {
    const { product, version } = await this.decisionTarget(em, e);
    const outcome = classifyDecision(version, { kind: 'REJECT', decidedAt: new Date(e.decidedAt) });
    if (outcome === 'STALE' || outcome === 'REPEAT') return;
    if (outcome === 'CONTRADICTORY') throw new Error(`product ${e.productId} version ${e.version} is ${version.status}; cannot reject it`);

    const now = this.clock.now();
    await em.update(ProductVersion, { productId: product.id, version: e.version }, { status: 'REJECTED', decidedAt: new Date(e.decidedAt), reviewerId: e.reviewerId, rejectionReason: e.reason, updatedAt: now });
    const newestStatus = e.version === product.latestVersion ? 'REJECTED' : (await this.store.version(em, product.id, product.latestVersion)).status;
    await this.store.save(em, product, newestStatus, now);
  }

  /**
   * A confirmed duplicate: the source's version in review becomes the target's next version,
   * approved and on sale. Target option ids are kept where weight and grind match (subscriptions
   * keep working), other source options move to the target with their ids and stock (the catalog
   * item already uses those ids), unmatched target options are retired. The target's own draft or version in review is superseded by it. The source is closed
   * as MERGED with every version superseded and every option retired.
   */
  async merge(em: EntityManager, e: PayloadOf<typeof productMerged>): Promise<void> {
    const [source, target] = await this.lockPair(em, e.sourceProductId, e.targetProductId);
    const sourceNewest = await this.store.version(em, source.id, source.latestVersion);
    const outcome = classifyMerge({ ...source, newest: sourceNewest }, target, e);
    if (outcome.kind === 'REPEAT') return;
    if (outcome.kind === 'CONTRADICTORY') throw new Error(`cannot merge ${e.sourceProductId} into ${e.targetProductId}: ${outcome.reason}`);
    if (target.catalogItemId !== null && target.catalogItemId !== e.catalogItemId) {
      throw new Error(`product ${target.id} belongs to catalog item ${target.catalogItemId}, not ${e.catalogItemId}`);
    }

    const now = this.clock.now();
    const decidedAt = new Date(e.decidedAt);
    const targetOptions = await this.store.options(em, target.id);
    const sourceOptionIds = (await this.store.options(em, source.id)).map((o) => o.id);
    const plan = reconcileMergeOptions(targetOptions.filter((o) => o.retiredAt === null), sourceNewest.options);

    await this.store.supersede(em, target.id, ['DRAFT', 'IN_REVIEW', 'APPROVED'], now);
    await this.store.retire(em, plan.retired, now);
    await this.store.moveOptions(em, plan.moved, target, now);
    target.latestVersion += 1;
    await em.insert(ProductVersion, {
      productId: target.id,
      version: target.latestVersion,
      status: 'APPROVED',
      content: sourceNewest.content,
      options: plan.options,
      rejectionReason: null,
      reviewerId: e.reviewerId,
      submittedAt: sourceNewest.submittedAt,
      decidedAt,
      createdAt: now,
      updatedAt: now,
    });
    target.onSaleVersion = target.latestVersion;
    target.catalogItemId = e.catalogItemId;
    await this.store.save(em, target, 'APPROVED', now);

    await em.update(ProductVersion, { productId: source.id, version: sourceNewest.version }, { decidedAt, reviewerId: e.reviewerId });
    await this.store.supersede(em, source.id, ['DRAFT', 'IN_REVIEW', 'APPROVED'], now);
    await this.store.retire(em, sourceOptionIds.filter((id) => !plan.moved.includes(id)), now);
    source.status = 'MERGED';
    source.mergedIntoProductId = target.id;
    source.onSaleVersion = null;
    source.closedAt = decidedAt;
    await this.store.save(em, source, 'SUPERSEDED', now);
  }

  private async decisionTarget(em: EntityManager, e: { productId: string; partnerId: string; version: number }): Promise<{ product: Product; version: ProductVersion }> {
    const product = await this.store.lock(em, e.productId);
    // Only business-service creates products, so an unknown one is a bug worth a dead letter.
    if (!product) throw new Error(`product ${e.productId} does not exist`);
    if (product.partnerId !== e.partnerId) throw new Error(`product ${e.productId} belongs to partner ${product.partnerId}, not ${e.partnerId}`);
    const version = await this.store.findVersion(em, e.productId, e.version);
    if (!version) throw new Error(`product ${e.productId} has no version ${e.version}`);
    return { product, version };
  }

  /** Locks both products in id order, so two merges touching the same pair cannot deadlock. */
  private async lockPair(em: EntityManager, sourceId: string, targetId: string): Promise<[Product, Product]> {
    const locked = new Map<string, Product>();
    for (const id of [sourceId, targetId].sort()) {
      const p = await this.store.lock(em, id);
      if (!p) throw new Error(`product ${id} does not exist`);
      locked.set(id, p);
    }
    return [locked.get(sourceId) as Product, locked.get(targetId) as Product];
  }
}
