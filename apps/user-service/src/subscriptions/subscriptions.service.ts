import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK, seoulDate } from '@roastery/clock';
import type { CreatedSubscriptionDto, CreateSubscriptionRequest, Page, PageQuery, SubscriptionDto, SubscriptionTermsDto } from '@roastery/contracts';
import { ApiException, notFound, unprocessable } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager, In } from 'typeorm';
import { lockAccount } from '../accounts/account-lock';
import { AddressesService } from '../addresses/addresses.service';
import { BillingEngine } from '../billing/billing-engine';
import { insertOrdersAndRequestStock } from '../billing/order-store';
import { PRE_CHARGE_NOTICE_DAYS } from '../billing/pre-charge-notices';
import { CONFIG, type UserServiceConfig } from '../config';
import { Order } from '../orders/order.entity';
import { toOrderSummaryDto } from '../orders/order.mapper';
import { placeBox } from '../orders/order-placement';
import { PaymentMethod } from '../payment-methods/payment-method.entity';
import { startSchedule } from './schedule/billing-schedule.rules';
import { sellableOption } from './sellable-option';
import { Subscription } from './subscription.entity';
import { SubscriptionEvent } from './subscription-event.entity';
import { toSubscriptionDto } from './subscription.mapper';
import { scheduleColumns } from './subscription-schedule';

const FINAL = new Set(['PAID', 'STOCK_REFUSED', 'PAYMENT_FAILED', 'CANCELLED']);

/** Starting subscriptions (the first box is ordered and charged at once) and reading them. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly addresses: AddressesService,
    private readonly engine: BillingEngine,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Subscribes and places the first box through the saga, then waits a little for its charge so
   * the answer can say how it went. A repeat with the same Idempotency-Key finds the subscription
   * it created (the key is stored on the row, in the same transaction), so nothing is charged twice.
   */
  async create(accountId: string, input: CreateSubscriptionRequest, creationKey: string | undefined): Promise<CreatedSubscriptionDto> {
    if (input.couponCode) throw unprocessable('COUPON_NOT_FOUND', 'no coupon campaign has this code');
    if (input.usePoints) throw unprocessable('INSUFFICIENT_POINTS', 'not enough points');
    if (input.termsVersion !== undefined && input.termsVersion !== this.config.RECURRING_TERMS_VERSION) {
      throw new ApiException(409, 'CONFLICT', `the recurring-payment terms changed (now ${this.config.RECURRING_TERMS_VERSION}); read and agree to them again`);
    }
    const created = await this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      if (creationKey) {
        const existing = await em.findOneBy(Subscription, { accountId, creationKey });
        if (existing) return { subscriptionId: existing.id, orderId: (await em.findOneByOrFail(Order, { subscriptionId: existing.id, cycle: 0 })).id };
      }
      const { itemVersion, ...option } = await sellableOption(em, input.catalogItemId, input.optionId, input.quantity);
      const shipTo = await this.addresses.shipToOf(accountId, input.addressId, em);
      await this.ownedCard(em, accountId, input.paymentMethodId);
      const now = this.clock.now();
      const today = seoulDate(now);
      const started = startSchedule(today, input.intervalWeeks);
      if (!started.ok) throw new ApiException(400, 'VALIDATION_FAILED', `invalid schedule: ${started.reason}`);
      const id = uuidv7();
      const placed = placeBox(
        { accountId, subscriptionId: id, cycle: 0, ...option, quantity: input.quantity, paymentMethodId: input.paymentMethodId, shipTo, billingDate: today, runId: null },
        this.engine.terms,
        now,
      );
      await em.insert(Subscription, {
        id,
        accountId,
        status: 'ACTIVE',
        ...option,
        quantity: input.quantity,
        priceAgreedAt: now,
        pendingUnitPriceWon: null,
        pendingPriceEffectiveDate: null,
        pendingPriceConsentedAt: null,
        priceItemVersion: itemVersion,
        pauseReason: null,
        ...scheduleColumns(started.state),
        addressId: input.addressId,
        shipTo,
        paymentMethodId: input.paymentMethodId,
        openOrderId: placed.order.id,
        consecutiveFailedCycles: 0,
        consentTermsVersion: this.config.RECURRING_TERMS_VERSION,
        consentedAt: now,
        cancelReason: null,
        cancelledAt: null,
        creationKey: creationKey ?? null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await em.insert(SubscriptionEvent, { id: uuidv7(), subscriptionId: id, kind: 'CREATED', cycle: 0, data: { termsVersion: this.config.RECURRING_TERMS_VERSION }, occurredAt: now });
      await insertOrdersAndRequestStock(em, this.outbox, [placed], now);
      return { subscriptionId: id, orderId: placed.order.id };
    });

    const order = await this.waitForOutcome(created.orderId);
    if (order.status === 'STOCK_REFUSED') {
      throw new ApiException(422, 'OUT_OF_STOCK', 'the roaster has no stock left for this option; nothing was charged and the subscription was not started', {
        orderId: order.id,
        subscriptionId: created.subscriptionId,
      });
    }
    if (order.status === 'PAYMENT_FAILED') {
      throw new ApiException(422, 'PAYMENT_DECLINED', 'the card was declined; the subscription was not started', {
        orderId: order.id,
        subscriptionId: created.subscriptionId,
        providerCode: order.lastFailureCode,
      });
    }
    return { subscription: await this.get(accountId, created.subscriptionId), firstOrder: toOrderSummaryDto(order) };
  }

  terms(): SubscriptionTermsDto {
    return {
      termsVersion: this.config.RECURRING_TERMS_VERSION,
      shipping: { feeWon: this.config.SHIPPING_FEE_WON, freeThresholdWon: this.config.FREE_SHIPPING_THRESHOLD_WON },
      preChargeNoticeDays: PRE_CHARGE_NOTICE_DAYS,
      priceRiseNoticeDays: this.config.PRICE_RISE_NOTICE_DAYS,
    };
  }

  async list(accountId: string, q: PageQuery): Promise<Page<SubscriptionDto>> {
    const [rows, total] = await this.ds.getRepository(Subscription).findAndCount({
      where: { accountId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    const open = await this.openOrders(rows);
    const today = seoulDate(this.clock.now());
    return { items: rows.map((s) => toSubscriptionDto(s, open.get(s.openOrderId ?? '') ?? null, today, this.engine.terms)), page: q.page, size: q.size, total };
  }

  async get(accountId: string, id: string): Promise<SubscriptionDto> {
    const s = await this.ds.getRepository(Subscription).findOneBy({ id, accountId });
    if (!s) throw notFound('subscription');
    const open = await this.openOrders([s]);
    return toSubscriptionDto(s, open.get(s.openOrderId ?? '') ?? null, seoulDate(this.clock.now()), this.engine.terms);
  }

  private async openOrders(subs: Subscription[]): Promise<Map<string, Order>> {
    const ids = subs.map((s) => s.openOrderId).filter((id): id is string => id !== null);
    if (ids.length === 0) return new Map();
    const orders = await this.ds.getRepository(Order).findBy({ id: In(ids) });
    return new Map(orders.map((o) => [o.id, o]));
  }

  private async ownedCard(em: EntityManager, accountId: string, paymentMethodId: string): Promise<void> {
    if (!(await em.existsBy(PaymentMethod, { id: paymentMethodId, accountId, status: 'ACTIVE' }))) throw notFound('payment method');
  }

  /** Polls the first box until it is charged, refused or declined, or the wait runs out. */
  private async waitForOutcome(orderId: string): Promise<Order> {
    const deadline = Date.now() + this.config.SUBSCRIBE_WAIT_MS;
    for (;;) {
      const order = await this.ds.getRepository(Order).findOneByOrFail({ id: orderId });
      if (FINAL.has(order.status) || order.status === 'RETRY_SCHEDULED' || Date.now() >= deadline) return order;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
