import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { LOGGER, type Logger } from '@roastery/observability';
import { uuidv7 } from '@roastery/persistence';
import { TossApiError, TossClient, TossError, type TossPayment } from '@roastery/toss';
import { DataSource } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { Order } from '../orders/order.entity';
import { BillingKeyVault } from '../payment-methods/billing-key-vault';
import { chargeIdentity } from './charge-identity';
import { type ApprovedCharge, ChargeOutcomes, failureOf } from './charge-outcomes';
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

/** Approvals recorded per transaction (ChargeOutcomes.approvedMany): fewer commits, short locks. */
export const APPROVALS_PER_TRANSACTION = 100;

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

  /**
   * Charges until nothing is ready; returns how many charges were sent. The next batch is
   * prepared (its attempts committed) while the current one is still being sent, so the calls in
   * flight never drop to zero between batches.
   */
  async drain(): Promise<number> {
    const size = this.config.BILLING_BATCH_SIZE;
    const queue: PreparedCharge[] = [];
    let sent = 0;
    let more = true;
    let failure: unknown = null;
    let refill: Promise<void> | null = null;
    const topUp = (): Promise<void> | null => {
      if (refill || !more || queue.length > size / 2) return refill;
      refill = this.prepare(size)
        .then((batch) => {
          queue.push(...batch);
          sent += batch.length;
          if (batch.length < size) more = false;
        })
        .catch((error: unknown) => {
          failure = error;
          more = false;
        })
        .finally(() => {
          refill = null;
        });
      return refill;
    };
    await this.sendFrom(async () => {
      for (;;) {
        topUp();
        const next = queue.shift();
        if (next) return next;
        if (!refill) return null;
        await refill;
      }
    });
    if (failure) throw failure;
    return sent;
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
        await em.query(
          `INSERT INTO payment_attempts (id, order_id, attempt, toss_order_id, idempotency_key, payment_method_id, amount_won, status, lease_until, created_at)
           SELECT id, order_id, attempt, toss_order_id, idempotency_key, payment_method_id, amount_won, 'PENDING', $8, $9
             FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::uuid[], $7::int[])
               AS v(id, order_id, attempt, toss_order_id, idempotency_key, payment_method_id, amount_won)`,
          [
            attempts.map((a) => a.id),
            attempts.map((a) => a.orderId),
            attempts.map((a) => a.attempt),
            attempts.map((a) => a.tossOrderId),
            attempts.map((a) => a.idempotencyKey),
            attempts.map((a) => a.paymentMethodId),
            attempts.map((a) => a.amountWon),
            attempts[0].leaseUntil,
            now,
          ],
        );
        await em.query(
          `UPDATE orders o SET status = 'CHARGING', attempts = o.attempts + 1, next_attempt_at = NULL, updated_at = $2, version = o.version + 1
             WHERE o.id = ANY($1::uuid[])`,
          [attempts.map((a) => a.orderId), now],
        );
      }
      return prepared;
    });
  }

  /**
   * Sends charges taken from `take` with BILLING_CHARGE_CONCURRENCY calls in flight. Approvals are
   * applied in chunks of APPROVALS_PER_TRANSACTION, one transaction each (ChargeOutcomes.approvedMany),
   * one chunk at a time while the calls go on; declines and unknown outcomes are applied one by one
   * as before. An approval not yet applied when the process dies is safe: its attempt was committed
   * before the call, so the resolver re-sends the same Idempotency-Key and records the payment once.
   */
  private async sendFrom(take: () => Promise<PreparedCharge | null>): Promise<void> {
    const pending: ApprovedCharge[] = [];
    let applying: Promise<void> = Promise.resolve();
    const flush = () => {
      if (pending.length === 0) return;
      const chunk = pending.splice(0, pending.length);
      applying = applying.then(() => this.applyApprovals(chunk));
    };
    const lane = async () => {
      for (let c = await take(); c; c = await take()) {
        const payment = await this.call(c);
        if (payment) {
          pending.push({ attemptId: c.attemptId, payment });
          if (pending.length >= APPROVALS_PER_TRANSACTION) flush();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: this.config.BILLING_CHARGE_CONCURRENCY }, lane));
    } finally {
      flush();
      await applying;
    }
  }

  /** Calls Toss; returns the payment when approved, after applying any other answer. */
  private async call(c: PreparedCharge): Promise<TossPayment | null> {
    try {
      return await this.toss.chargeBillingKey(
        c.billingKey,
        { customerKey: c.customerKey, amount: c.amountWon, orderId: c.tossOrderId, orderName: c.orderName },
        { idempotencyKey: c.idempotencyKey },
      );
    } catch (error) {
      await this.onError(c.attemptId, error);
      return null;
    }
  }

  /**
   * Applies approvals in one transaction; if that fails (a deadlock, one bad row), one by one, so
   * one approval cannot hold back the others. One that still fails is left UNKNOWN for the
   * resolver, which looks the payment up and applies it.
   */
  private async applyApprovals(chunk: ApprovedCharge[]): Promise<void> {
    try {
      await this.outcomes.approvedMany(chunk);
      return;
    } catch (error) {
      if (chunk.length === 1) {
        this.log.error({ attemptId: chunk[0].attemptId, err: error }, 'recording an approval failed; its outcome is resolved by lookup');
        await this.outcomes.unknown(chunk[0].attemptId, 2_000).catch(() => undefined);
        return;
      }
      this.log.warn({ approvals: chunk.length, err: error }, 'recording a chunk of approvals failed; recording them one by one');
    }
    for (const a of chunk) await this.applyApprovals([a]);
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
