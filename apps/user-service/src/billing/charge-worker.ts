import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { LOGGER, type Logger } from '@roastery/observability';
import { uuidv7 } from '@roastery/persistence';
import { TossApiError, TossClient, TossError } from '@roastery/toss';
import { DataSource } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { Order } from '../orders/order.entity';
import { BillingKeyVault } from '../payment-methods/billing-key-vault';
import { chargeIdentity } from './charge-identity';
import { ChargeOutcomes, failureOf } from './charge-outcomes';
import { PaymentAttempt } from './payment-attempt.entity';

/** A charge ready to send: the attempt is committed (PENDING) before Toss is called. */
export interface PreparedCharge {
  attemptId: string;
  tossOrderId: string;
  idempotencyKey: string;
  amountWon: number;
  orderName: string;
  billingKey: string;
  customerKey: string;
}

/**
 * Answers that say nothing about this attempt's outcome: the same key still in flight, or the
 * orderId already used (by this very attempt, whose answer was lost). The resolver looks them up.
 */
export const UNSETTLED_CODES = new Set(['IDEMPOTENT_REQUEST_PROCESSING', 'DUPLICATED_ORDER_ID', 'ALREADY_PROCESSED_PAYMENT']);

/** Toss may take up to 60 s to answer a billing charge; the worker owns its attempt a little longer. */
export const CHARGE_LEASE_MS = 90_000;

/**
 * Charges orders whose stock is reserved (and dunning retries that are due): claims them with
 * SKIP LOCKED, writes each attempt's orderId and Idempotency-Key first, then calls Toss with a
 * bounded number of calls in flight. Runs on every instance.
 */
@Injectable()
export class ChargeWorker {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly toss: TossClient,
    private readonly vault: BillingKeyVault,
    private readonly outcomes: ChargeOutcomes,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Charges until nothing is ready; returns how many charges were sent. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.prepare(this.config.BILLING_BATCH_SIZE);
      await this.send(batch);
      sent += batch.length;
      if (batch.length < this.config.BILLING_BATCH_SIZE) return sent;
    }
  }

  /** Claims chargeable orders and commits an attempt for each (or settles those whose card is gone). */
  async prepare(limit: number): Promise<PreparedCharge[]> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const orders = await em
        .createQueryBuilder(Order, 'o')
        .where(`o.status = 'READY_TO_CHARGE'`)
        .orWhere(`(o.status = 'RETRY_SCHEDULED' AND o.next_attempt_at <= :now)`, { now })
        .orderBy('o.placed_at')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (orders.length === 0) return [];
      const cards: { id: string; billing_key_enc: string; customer_key: string }[] = await em.query(
        `SELECT id, billing_key_enc, customer_key FROM payment_methods WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'`,
        [[...new Set(orders.map((o) => o.paymentMethodId))]],
      );
      const cardById = new Map(cards.map((c) => [c.id, c]));
      const prepared: PreparedCharge[] = [];
      const attempts: PaymentAttempt[] = [];
      for (const order of orders) {
        const card = cardById.get(order.paymentMethodId);
        if (!card) {
          await this.outcomes.cardMissing(em, order, now);
          continue;
        }
        const attempt = order.attempts + 1;
        const identity = chargeIdentity(order, attempt);
        const attemptId = uuidv7();
        attempts.push({
          id: attemptId,
          orderId: order.id,
          attempt,
          ...identity,
          paymentMethodId: order.paymentMethodId,
          amountWon: order.totalWon,
          status: 'PENDING',
          paymentKey: null,
          failureCode: null,
          failureCategory: null,
          failureMessage: null,
          leaseUntil: new Date(now.getTime() + CHARGE_LEASE_MS),
          createdAt: now,
          resolvedAt: null,
        });
        prepared.push({ attemptId, ...identity, amountWon: order.totalWon, orderName: order.orderName, billingKey: this.vault.open(card.id, card.billing_key_enc), customerKey: card.customer_key });
      }
      if (attempts.length > 0) {
        await em.insert(PaymentAttempt, attempts);
        await em.query(
          `UPDATE orders o SET status = 'CHARGING', attempts = o.attempts + 1, next_attempt_at = NULL, updated_at = $2, version = o.version + 1
             WHERE o.id = ANY($1::uuid[])`,
          [attempts.map((a) => a.orderId), now],
        );
      }
      return prepared;
    });
  }

  /** Sends prepared charges, at most BILLING_CHARGE_CONCURRENCY at once, and applies each answer. */
  async send(charges: PreparedCharge[]): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < charges.length) await this.sendOne(charges[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.config.BILLING_CHARGE_CONCURRENCY, charges.length) }, lane));
  }

  /** One charge: approved, a definite failure, or unknown (left to the resolver, never counted as a decline). */
  async sendOne(c: PreparedCharge): Promise<void> {
    try {
      const payment = await this.toss.chargeBillingKey(
        c.billingKey,
        { customerKey: c.customerKey, amount: c.amountWon, orderId: c.tossOrderId, orderName: c.orderName },
        { idempotencyKey: c.idempotencyKey },
      );
      await this.outcomes.approved(c.attemptId, payment);
    } catch (error) {
      await this.onError(c.attemptId, error);
    }
  }

  private async onError(attemptId: string, error: unknown): Promise<void> {
    if (error instanceof TossApiError && !error.outcomeUnknown && !UNSETTLED_CODES.has(error.code)) {
      await this.outcomes.declined(attemptId, failureOf(error));
      return;
    }
    if (!(error instanceof TossError)) this.log.error({ attemptId, err: error }, 'charge failed unexpectedly; its outcome is resolved by lookup');
    await this.outcomes.unknown(attemptId, 2_000);
  }
}
