import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clock } from '@roastery/clock';
import { CLOCK } from '@roastery/clock';
import {
  type Page,
  type PayloadOf,
  type ProductReviewDto,
  type ProductReviewStatus,
  productVersionApproved,
  productVersionRejected,
  type productVersionSubmitted,
  type productWithdrawn,
} from '@roastery/contracts';
import { conflict, notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { CatalogService } from '../catalog/catalog.service';
import { coffeeKey } from '../catalog/coffee-keys.rules';
import { CONFIG, type AdminServiceConfig } from '../config';
import { Partner } from '../partners/partner.entity';
import { PartnersService } from '../partners/partners.service';
import { type DuplicateCandidate, isSmallEdit, productFindings, versionDiff } from './product-findings.rules';
import { ProductMerger } from './product-merger';
import { ProductReview } from './product-review.entity';
import { ReviewedProduct } from './reviewed-product.entity';
import { SYSTEM_ACTOR_ID } from './system-actor';

/**
 * The product review queue: intake with automatic findings, admin decisions, automatic approval of
 * a trusted partner's small edits, and withdrawals. Lock order everywhere: product rows (by id),
 * then the review, then the partner, then catalog items.
 */
@Injectable()
export class ProductReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLogService,
    private readonly catalog: CatalogService,
    private readonly partners: PartnersService,
    private readonly merger: ProductMerger,
    @Inject(CONFIG) private readonly config: AdminServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Queues a submitted version with its findings and diff. A version older than the newest seen is
   * stale (a reordered message) and changes nothing; the newest version again is a redelivery,
   * unless its review was rejected and this is a later submission of it (business-service keeps a
   * rejected version's number while it is fixed, ADR 0009): then the same review row is reopened.
   * An older pending version of the same product is closed as superseded. A trusted partner's
   * small edit of an approved product is approved at once by the system.
   */
  async intake(em: EntityManager, e: PayloadOf<typeof productVersionSubmitted>): Promise<void> {
    await this.partners.ensureKnown(em, e.partnerId);
    await em.query(`INSERT INTO products (id, partner_id, state, latest_version) VALUES ($1, $2, 'OPEN', 0) ON CONFLICT (id) DO NOTHING`, [e.productId, e.partnerId]);
    const product = await em.findOneOrFail(ReviewedProduct, { where: { id: e.productId }, lock: { mode: 'pessimistic_write' } });
    const submittedAt = new Date(e.submittedAt);
    if (product.state === 'MERGED' || e.version < product.latestVersion) return;
    const resubmitted = e.version === product.latestVersion ? await em.findOne(ProductReview, { where: { productId: e.productId, version: e.version }, lock: { mode: 'pessimistic_write' } }) : null;
    if (e.version === product.latestVersion && !(resubmitted?.status === 'REJECTED' && resubmitted.submittedAt < submittedAt)) return;
    if (product.state === 'WITHDRAWN') {
      // Sent before the withdrawal (reordered): stale. Sent after it: the partner listed it again.
      if (product.withdrawnAt && submittedAt <= product.withdrawnAt) return;
      product.state = 'OPEN';
      product.withdrawnAt = null;
    }
    product.latestVersion = e.version;
    product.latestSubmittedAt = submittedAt;
    await em.save(product);
    await this.closePending(em, product.id, `superseded by version ${e.version}`);

    // What is on sale is the catalog's own copy; the producer's previousApproved fills in only
    // when this service has none (e.g. approvals older than this read model).
    const item = await this.catalog.findByProduct(em, e.productId);
    const base = item ? item.content : (e.previousApproved?.content ?? null);
    const key = coffeeKey(e.content);
    const diff = base ? versionDiff(base, e.content) : [];
    const review = Object.assign(resubmitted ?? em.create(ProductReview), {
      id: resubmitted?.id ?? uuidv7(),
      productId: e.productId,
      version: e.version,
      partnerId: e.partnerId,
      status: 'PENDING',
      content: e.content,
      coffeeKey: key,
      findings: productFindings({ content: e.content, previousApproved: base, priceBand: this.priceBand(), duplicates: await this.duplicates(em, e.partnerId, e.productId, key) }),
      diff,
      autoApproved: false,
      reason: null,
      mergedInto: null,
      submittedAt,
      decidedAt: null,
      decidedBy: null,
    });
    await em.save(review);

    const partner = await this.partners.lockForDecision(em, e.partnerId);
    // Only an edit of a version this catalog approved and still lists may skip review.
    if (partner.trusted && item && item.offSaleReason !== 'PRODUCT_WITHDRAWN' && isSmallEdit(diff)) {
      await this.approveLocked(em, review, partner, SYSTEM_ACTOR_ID, null);
    }
  }

  /**
   * A partner withdrew a product: its item goes off sale and a pending submission is closed. A
   * withdrawal older than the latest submission (the product was listed again since) is stale.
   */
  async withdrawn(em: EntityManager, e: PayloadOf<typeof productWithdrawn>): Promise<void> {
    await em.query(`INSERT INTO products (id, partner_id, state, latest_version) VALUES ($1, $2, 'OPEN', 0) ON CONFLICT (id) DO NOTHING`, [e.productId, e.partnerId]);
    const product = await em.findOneOrFail(ReviewedProduct, { where: { id: e.productId }, lock: { mode: 'pessimistic_write' } });
    const at = new Date(e.withdrawnAt);
    if (product.state !== 'OPEN' || (product.latestSubmittedAt && product.latestSubmittedAt > at)) return;
    product.state = 'WITHDRAWN';
    product.withdrawnAt = at;
    await em.save(product);
    await this.closePending(em, product.id, 'withdrawn by the partner');
    const item = await this.catalog.findByProduct(em, product.id, true);
    if (item) await this.catalog.takeOffSale(em, item, 'PRODUCT_WITHDRAWN');
  }

  /** The queue, oldest submission first (the longest waiting is reviewed first). */
  async list(status: ProductReviewStatus | undefined, page: number, size: number): Promise<Page<ProductReviewDto>> {
    const [rows, total] = await this.ds.getRepository(ProductReview).findAndCount({
      where: status ? { status } : {},
      order: { submittedAt: 'ASC', id: 'ASC' },
      skip: (page - 1) * size,
      take: size,
    });
    return { items: await this.toDtos(rows), page, size, total };
  }

  /** One review with its findings and diff. */
  async get(id: string): Promise<ProductReviewDto> {
    const review = await this.ds.getRepository(ProductReview).findOneBy({ id });
    if (!review) throw notFound('product review');
    return (await this.toDtos([review]))[0];
  }

  /**
   * Approves a pending version: the product's catalog item is created or updated and announced.
   * With `mergeInto`, the version is folded into that product of the same partner instead.
   */
  approve(adminId: string, id: string, input: { mergeInto?: string; note?: string }): Promise<ProductReviewDto> {
    return this.ds.transaction(async (em) => {
      const review = await this.lockPending(em, id, input.mergeInto);
      const partner = await this.partners.lockForDecision(em, review.partnerId);
      const note = input.note ?? null;
      const decided = input.mergeInto ? await this.merger.merge(em, review, partner, input.mergeInto, adminId, note) : await this.approveLocked(em, review, partner, adminId, note);
      return (await this.toDtos([decided], em))[0];
    });
  }

  /** Rejects a pending version with a reason the partner will read; what is on sale stays. */
  reject(adminId: string, id: string, reason: string): Promise<ProductReviewDto> {
    return this.ds.transaction(async (em) => {
      const review = await this.lockPending(em, id);
      Object.assign(review, { status: 'REJECTED', reason, decidedAt: this.clock.now(), decidedBy: adminId });
      const saved = await em.save(review);
      const decidedAt = this.decidedAt(saved);
      await this.outbox.add(em, productVersionRejected, {
        aggregateId: saved.productId,
        aggregateVersion: saved.version,
        payload: { productId: saved.productId, partnerId: saved.partnerId, version: saved.version, reason, reviewerId: adminId, decidedAt },
      });
      await this.audit.record(em, { actorId: adminId, action: 'product-review.reject', targetType: 'product-review', targetId: saved.id, details: { productId: saved.productId, version: saved.version, reason } });
      return (await this.toDtos([saved], em))[0];
    });
  }

  /** Approves a locked pending review (by an admin, or by the system for a trusted small edit). */
  private async approveLocked(em: EntityManager, review: ProductReview, partner: Partner, actorId: string, note: string | null): Promise<ProductReview> {
    const autoApproved = actorId === SYSTEM_ACTOR_ID;
    Object.assign(review, { status: 'APPROVED', autoApproved, reason: note, decidedAt: this.clock.now(), decidedBy: actorId });
    const saved = await em.save(review);
    const item = await this.catalog.putApprovedVersion(em, partner, saved.productId, saved.version, saved.content);
    await this.outbox.add(em, productVersionApproved, {
      aggregateId: saved.productId,
      aggregateVersion: saved.version,
      payload: { productId: saved.productId, partnerId: saved.partnerId, version: saved.version, catalogItemId: item.id, reviewerId: autoApproved ? null : actorId, autoApproved, decidedAt: this.decidedAt(saved) },
    });
    await this.audit.record(em, {
      actorId,
      action: 'product-review.approve',
      targetType: 'product-review',
      targetId: saved.id,
      details: { productId: saved.productId, version: saved.version, catalogItemId: item.id, itemVersion: item.itemVersion, autoApproved, ...(note && { note }) },
    });
    return saved;
  }

  /** Locks the review's product rows (with the merge target, in id order), then the review; it must be PENDING. */
  private async lockPending(em: EntityManager, id: string, mergeInto?: string): Promise<ProductReview> {
    const peek = await em.findOne(ProductReview, { where: { id }, select: { id: true, productId: true } });
    if (!peek) throw notFound('product review');
    for (const productId of [...new Set([peek.productId, ...(mergeInto ? [mergeInto] : [])])].sort()) {
      await em.findOne(ReviewedProduct, { where: { id: productId }, lock: { mode: 'pessimistic_write' } });
    }
    const review = await em.findOneOrFail(ProductReview, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (review.status !== 'PENDING') throw conflict('INVALID_STATE', `the product review is already ${review.status.toLowerCase()}`);
    return review;
  }

  /** Closes a product's pending reviews the service itself made moot (superseded, withdrawn); no event, since the partner caused it. */
  private async closePending(em: EntityManager, productId: string, reason: string): Promise<void> {
    const pending = await em.find(ProductReview, { where: { productId, status: 'PENDING' }, lock: { mode: 'pessimistic_write' } });
    for (const review of pending) {
      Object.assign(review, { status: 'REJECTED', reason, decidedAt: this.clock.now(), decidedBy: SYSTEM_ACTOR_ID });
      await em.save(review);
      await this.audit.record(em, { actorId: SYSTEM_ACTOR_ID, action: 'product-review.close', targetType: 'product-review', targetId: review.id, details: { productId, version: review.version, reason } });
    }
  }

  /** The partner's other listings of the same coffee: approved ones first, then ones in review. */
  private async duplicates(em: EntityManager, partnerId: string, productId: string, key: string): Promise<DuplicateCandidate[]> {
    const approved: { productId: string }[] = await em.query(
      `SELECT c.product_id AS "productId" FROM catalog_items c JOIN products p ON p.id = c.product_id
       WHERE c.partner_id = $1 AND c.product_id <> $2 AND c.coffee_key = $3 AND p.state = 'OPEN' ORDER BY c.created_at, c.id`,
      [partnerId, productId, key],
    );
    const inReview: { productId: string }[] = await em.query(
      `SELECT product_id AS "productId" FROM product_reviews WHERE partner_id = $1 AND product_id <> $2 AND coffee_key = $3 AND status = 'PENDING' ORDER BY submitted_at, id`,
      [partnerId, productId, key],
    );
    const seen = new Set(approved.map((r) => r.productId));
    return [...approved.map((r) => ({ productId: r.productId, approved: true })), ...inReview.filter((r) => !seen.has(r.productId)).map((r) => ({ productId: r.productId, approved: false }))];
  }

  private priceBand() {
    return { minPer100gWon: this.config.PRICE_PER_100G_MIN_WON, maxPer100gWon: this.config.PRICE_PER_100G_MAX_WON };
  }

  private decidedAt(r: ProductReview): string {
    return (r.decidedAt ?? this.clock.now()).toISOString();
  }

  private async toDtos(rows: ProductReview[], em: EntityManager = this.ds.manager): Promise<ProductReviewDto[]> {
    const partners = rows.length ? await em.findBy(Partner, { id: In([...new Set(rows.map((r) => r.partnerId))]) }) : [];
    const byId = new Map(partners.map((p) => [p.id, p]));
    return rows.map((r) => {
      const p = byId.get(r.partnerId);
      return {
        id: r.id,
        productId: r.productId,
        version: r.version,
        partner: { id: r.partnerId, name: p?.name ?? '', trusted: p?.trusted ?? false },
        status: r.status,
        content: r.content,
        findings: r.findings,
        diff: r.diff,
        autoApproved: r.autoApproved,
        reason: r.reason,
        mergedInto: r.mergedInto,
        submittedAt: r.submittedAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decidedBy: r.decidedBy,
      };
    });
  }
}
