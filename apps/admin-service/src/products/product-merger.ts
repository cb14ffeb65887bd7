import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@roastery/clock';
import { CLOCK } from '@roastery/clock';
import { productMerged } from '@roastery/contracts';
import { unprocessable } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { type EntityManager, In } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { CatalogItem } from '../catalog/catalog-item.entity';
import { CatalogService } from '../catalog/catalog.service';
import type { Partner } from '../partners/partner.entity';
import { foldedVersion, foldOptions } from './product-merge.rules';
import { ProductReview } from './product-review.entity';
import { ReviewedProduct } from './reviewed-product.entity';

/**
 * Folds a confirmed duplicate into another product of the same partner: the submission becomes
 * the target's newest content in the target's catalog item, the source is closed as MERGED and
 * gets no item (an item it had goes off sale as MERGED).
 */
@Injectable()
export class ProductMerger {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditLogService,
    private readonly catalog: CatalogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Merges a locked pending review into targetProductId (its product rows and partner already
   * locked by the caller). Refuses with 422 a target that is not a listed product of the same
   * partner with a catalog item, or that has a version of its own in review.
   */
  async merge(em: EntityManager, review: ProductReview, partner: Partner, targetProductId: string, adminId: string, note: string | null): Promise<ProductReview> {
    const refuse = (message: string) => unprocessable('INVALID_STATE', message, { mergeInto: targetProductId });
    if (targetProductId === review.productId) throw refuse('a product cannot be merged into itself');
    const target = await em.findOneBy(ReviewedProduct, { id: targetProductId });
    if (!target || target.partnerId !== review.partnerId || target.state !== 'OPEN') throw refuse('the merge target must be a listed product of the same partner');
    const items = await em.find(CatalogItem, { where: { productId: In([review.productId, targetProductId]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const targetItem = items.find((i) => i.productId === targetProductId);
    const sourceItem = items.find((i) => i.productId === review.productId);
    if (!targetItem) throw refuse('the merge target has no catalog item yet');
    if (await em.existsBy(ProductReview, { productId: targetProductId, status: 'PENDING' })) throw refuse('the merge target has a version in review; decide that one first');

    const now = this.clock.now();
    Object.assign(review, { status: 'MERGED', mergedInto: targetProductId, reason: note, decidedAt: now, decidedBy: adminId });
    const saved = await em.save(review);
    await em.update(ReviewedProduct, { id: review.productId }, { state: 'MERGED', mergedInto: targetProductId });
    if (sourceItem) await this.catalog.takeOffSale(em, sourceItem, 'MERGED');

    const targetVersion = foldedVersion(target.latestVersion, targetItem.productVersion);
    const content = { ...review.content, options: foldOptions(targetItem.content.options, review.content.options) };
    const merge = { sourceProductId: review.productId, sourceVersion: review.version, mergedAt: now.toISOString(), by: adminId };
    const item = await this.catalog.foldInto(em, targetItem, partner, targetVersion, content, merge);
    await this.outbox.add(em, productMerged, {
      aggregateId: review.productId,
      aggregateVersion: review.version,
      payload: {
        sourceProductId: review.productId,
        sourceVersion: review.version,
        targetProductId,
        targetVersion,
        partnerId: review.partnerId,
        catalogItemId: item.id,
        reviewerId: adminId,
        decidedAt: now.toISOString(),
      },
    });
    await this.audit.record(em, {
      actorId: adminId,
      action: 'product-review.merge',
      targetType: 'product-review',
      targetId: saved.id,
      details: { productId: review.productId, version: review.version, mergedInto: targetProductId, targetVersion, catalogItemId: item.id, itemVersion: item.itemVersion, ...(note && { note }) },
    });
    return saved;
  }
}
