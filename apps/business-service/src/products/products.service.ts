import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@roastery/clock';
import {
  type createProductRequestSchema,
  missingForSubmission,
  type Page,
  type PartnerProductDto,
  productVersionSubmitted,
  productWithdrawn,
  type ProductPatch,
} from '@roastery/contracts';
import { badRequest, conflict, notFound, unprocessable } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { z } from 'zod';
import { PartnerAccess } from '../partners/partner-access';
import type { ProductListQuery } from './dto/product-list-query';
import { Product } from './product.entity';
import { versionContent } from './product.mapper';
import { editPlan, isOpen, submitRefusal } from './product.rules';
import { reconcileEditOptions } from './product-options.rules';
import { ProductStore } from './product-store';
import { ProductVersion } from './product-version.entity';

type CreateProduct = z.output<typeof createProductRequestSchema>;

/** The partner's use cases on its products: list, read, draft, edit, submit, restock, withdraw. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly access: PartnerAccess,
    private readonly store: ProductStore,
  ) {}

  /** The products of every partner the account belongs to, newest first. */
  async list(userId: string, q: ProductListQuery): Promise<Page<PartnerProductDto>> {
    const em = this.ds.manager;
    const memberships = await this.access.requireMemberships(em, userId);
    const [rows, total] = await em.findAndCount(Product, {
      where: { partnerId: In(memberships.map((m) => m.partnerId)), ...(q.status && { status: q.status }) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    return { items: await this.store.dtos(em, rows), page: q.page, size: q.size, total };
  }

  /** One of the account's products; anyone else's is 404. */
  async get(userId: string, id: string): Promise<PartnerProductDto> {
    const product = await this.findVisible(this.ds.manager, userId, id);
    return this.store.dto(this.ds.manager, product);
  }

  /** Drafts a new product (version 1) with its options, and announces each option's starting stock. */
  create(userId: string, requestedPartnerId: string | undefined, input: CreateProduct): Promise<PartnerProductDto> {
    return this.ds.transaction(async (em) => {
      const { partnerId } = this.access.actingPartner(await this.access.requireMemberships(em, userId), requestedPartnerId);
      await this.access.lockForChange(em, partnerId);
      const now = this.clock.now();
      const { options: optionInputs, ...content } = input;
      const reconciled = reconcileEditOptions([], optionInputs, uuidv7);
      if (!reconciled.ok) throw badRequest('request is invalid', reconciled.issues);
      const { plan } = reconciled;

      const product = em.create(Product, {
        id: uuidv7(),
        partnerId,
        status: 'DRAFT',
        latestVersion: 1,
        onSaleVersion: null,
        catalogItemId: null,
        mergedIntoProductId: null,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        revision: 1,
      });
      await em.insert(Product, product);
      await em.insert(ProductVersion, newVersion(product.id, 1, content, plan.options, now));
      await this.store.createOptions(em, product, plan.created, now);
      return this.store.dto(em, product);
    });
  }

  /**
   * Edits the product: a DRAFT or REJECTED newest version changes in place; an APPROVED one stays
   * on sale and the edit becomes the next DRAFT version; a version in review cannot change (409).
   * Only the fields sent change. Options are reconciled by id (see product-options.rules.ts).
   */
  update(userId: string, id: string, patch: ProductPatch): Promise<PartnerProductDto> {
    return this.ds.transaction(async (em) => {
      const product = await this.openForChange(em, userId, id, 'pessimistic_write');
      const newest = await this.store.version(em, id, product.latestVersion);
      const plan = editPlan(newest);
      if (plan.kind === 'REFUSED') throw conflict('INVALID_STATE', plan.reason);
      if (Object.keys(patch).length === 0) return this.store.dto(em, product);

      const now = this.clock.now();
      const { options: optionEdits, origin, ...fields } = patch;
      const content = { ...newest.content, ...fields, origin: { ...newest.content.origin, ...origin } };
      let options = newest.options;
      if (optionEdits) {
        const known = (await this.store.options(em, id)).map((o) => ({ id: o.id, weightGrams: o.weightGrams, grind: o.grind, retired: o.retiredAt !== null }));
        const reconciled = reconcileEditOptions(known, optionEdits, uuidv7);
        if (!reconciled.ok) throw badRequest('request is invalid', reconciled.issues);
        const optionPlan = reconciled.plan;
        options = optionPlan.options;
        // Retire first: a new option may take the weight and grind a retired one had.
        await this.store.retire(em, optionPlan.retired, now);
        await this.store.createOptions(em, product, optionPlan.created, now);
        for (const s of optionPlan.stockSets) await this.store.setStock(em, product, s.id, s.stock, now);
      }

      if (plan.kind === 'IN_PLACE') {
        await em.update(ProductVersion, { productId: id, version: newest.version }, { content, options, updatedAt: now });
      } else {
        product.latestVersion = newest.version + 1;
        await em.insert(ProductVersion, newVersion(id, product.latestVersion, content, options, now));
      }
      await this.store.save(em, product, plan.kind === 'IN_PLACE' ? newest.status : 'DRAFT', now);
      return this.store.dto(em, product);
    });
  }

  /**
   * Sends the newest version for review: it must be a DRAFT or REJECTED version with every field
   * review needs (else 422 naming them). Announces the whole version and the last approved one.
   */
  submit(userId: string, id: string): Promise<PartnerProductDto> {
    return this.ds.transaction(async (em) => {
      const product = await this.openForChange(em, userId, id, 'pessimistic_write');
      const newest = await this.store.version(em, id, product.latestVersion);
      const refusal = submitRefusal(newest);
      if (refusal) throw conflict('INVALID_STATE', refusal);
      const content = versionContent(newest);
      const missing = missingForSubmission(content);
      if (missing.length > 0) {
        throw unprocessable('VALIDATION_FAILED', `the product cannot be submitted without: ${missing.join(', ')}`, missing.map((path) => ({ path, message: 'required for submission' })));
      }

      const now = this.clock.now();
      await em.update(ProductVersion, { productId: id, version: newest.version }, { status: 'IN_REVIEW', submittedAt: now, updatedAt: now });
      const approved = product.onSaleVersion === null ? null : await this.store.version(em, id, product.onSaleVersion);
      await this.store.save(em, product, 'IN_REVIEW', now);
      await this.outbox.add(em, productVersionSubmitted, {
        aggregateId: id,
        aggregateVersion: product.revision,
        payload: {
          productId: id,
          partnerId: product.partnerId,
          version: newest.version,
          content,
          previousApproved: approved && { version: approved.version, content: versionContent(approved) },
          submittedAt: now.toISOString(),
        },
      });
      return this.store.dto(em, product);
    });
  }

  /**
   * Sets one option's stock (never below zero) and announces it with the option's next
   * stockVersion; setting the stock it already has changes nothing. Options of the newest version
   * can be restocked, and so can a retired option while the version on sale still offers it.
   */
  setStock(userId: string, id: string, input: { optionId: string; stock: number }): Promise<PartnerProductDto> {
    return this.ds.transaction(async (em) => {
      // A shared lock: restocking two options of one product does not wait, an edit or withdrawal does.
      const product = await this.openForChange(em, userId, id, 'pessimistic_read');
      const option = (await this.store.options(em, id)).find((o) => o.id === input.optionId);
      if (!option) throw notFound('option');
      if (option.retiredAt) {
        const onSale = product.onSaleVersion === null ? null : await this.store.version(em, id, product.onSaleVersion);
        if (!onSale?.options.some((o) => o.id === option.id)) throw conflict('INVALID_STATE', 'this option was retired and is no longer on sale');
      }
      await this.store.setStock(em, product, option.id, input.stock, this.clock.now());
      return this.store.dto(em, product);
    });
  }

  /**
   * Takes the product off sale for good and announces it (admin-service withdraws its catalog
   * item). A suspended partner may still withdraw.
   */
  withdraw(userId: string, id: string): Promise<PartnerProductDto> {
    return this.ds.transaction(async (em) => {
      await this.findVisible(em, userId, id);
      const product = await this.store.lock(em, id);
      if (!product) throw notFound('product');
      if (!isOpen(product.status)) throw conflict('INVALID_STATE', `the product is already ${product.status.toLowerCase()}`);
      const now = this.clock.now();
      const newest = await this.store.version(em, id, product.latestVersion);
      product.status = 'WITHDRAWN';
      product.onSaleVersion = null;
      product.closedAt = now;
      await this.store.save(em, product, newest.status, now);
      await this.outbox.add(em, productWithdrawn, {
        aggregateId: id,
        aggregateVersion: product.revision,
        payload: { productId: id, partnerId: product.partnerId, withdrawnAt: now.toISOString() },
      });
      return this.store.dto(em, product);
    });
  }

  /** The product if one of the account's partners owns it; 404 otherwise, never 403. */
  private async findVisible(em: EntityManager, userId: string, id: string): Promise<Product> {
    const product = await em
      .createQueryBuilder(Product, 'p')
      .where('p.id = :id', { id })
      .andWhere('EXISTS (SELECT 1 FROM partner_members m WHERE m.partner_id = p.partner_id AND m.user_id = :userId)', { userId })
      .getOne();
    if (!product) throw notFound('product');
    return product;
  }

  /**
   * Loads a visible product for a change: locks its partner (shared; the partner must be active),
   * then the product itself, and refuses a withdrawn or merged product. Locks are always taken
   * partner → product → options.
   */
  private async openForChange(em: EntityManager, userId: string, id: string, mode: 'pessimistic_write' | 'pessimistic_read'): Promise<Product> {
    const visible = await this.findVisible(em, userId, id);
    await this.access.lockForChange(em, visible.partnerId);
    const product = await em.findOne(Product, { where: { id }, lock: { mode } });
    if (!product) throw notFound('product');
    if (!isOpen(product.status)) throw conflict('INVALID_STATE', `the product is ${product.status.toLowerCase()} and can no longer change`);
    return product;
  }
}

function newVersion(productId: string, version: number, content: ProductVersion['content'], options: ProductVersion['options'], now: Date): ProductVersion {
  return { productId, version, status: 'DRAFT', content, options, rejectionReason: null, reviewerId: null, submittedAt: null, decidedAt: null, createdAt: now, updatedAt: now };
}
