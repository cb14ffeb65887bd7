import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { LOGGER, type Logger } from '@roastery/observability';
import { TossApiError, TossClient, type TossPayment } from '@roastery/toss';
import { DataSource } from 'typeorm';
import { BillingKeyVault } from '../payment-methods/billing-key-vault';
import { ChargeOutcomes, failureOf } from './charge-outcomes';
import { CHARGE_LEASE_MS, UNSETTLED_CODES } from './charge-worker';

interface Unresolved {
  id: string;
  order_id: string;
  toss_order_id: string;
  idempotency_key: string;
  amount_won: number;
  order_name: string;
  payment_method_id: string;
  billing_key_enc: string | null;
  customer_key: string;
  attempts_seen: number;
}

/**
 * Settles attempts whose outcome is unknown (a timeout, a lost answer, a crash between writing the
 * attempt and hearing from Toss). It re-sends the very same request under the same
 * Idempotency-Key: Toss replays the first answer, answers 409 while the first is still running,
 * or — if the first never arrived — performs it now, once. A lookup by orderId settles what the
 * re-send cannot. Only a definite answer ends the attempt; "not found" during a slow charge does not.
 */
@Injectable()
export class AttemptResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly toss: TossClient,
    private readonly vault: BillingKeyVault,
    private readonly outcomes: ChargeOutcomes,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Resolves attempts whose lease has run out; returns how many were looked at. */
  async resolveExpired(limit = 100): Promise<number> {
    const now = this.clock.now();
    const claimed: Unresolved[] = await this.ds.transaction(async (em) => {
      const rows: Unresolved[] = await em.query(
        `SELECT a.id, a.order_id, a.toss_order_id, a.idempotency_key, a.amount_won, o.order_name, a.payment_method_id,
                pm.billing_key_enc, pm.customer_key, 0 AS attempts_seen
           FROM payment_attempts a
           JOIN orders o ON o.id = a.order_id
           JOIN payment_methods pm ON pm.id = a.payment_method_id
          WHERE a.status IN ('PENDING', 'UNKNOWN') AND a.lease_until <= $1
          ORDER BY a.lease_until
          LIMIT $2
          FOR UPDATE OF a SKIP LOCKED`,
        [now, limit],
      );
      if (rows.length > 0) {
        // Ours for the length of one charge call; another resolver waits until then.
        await em.query(`UPDATE payment_attempts SET lease_until = $2, status = 'UNKNOWN' WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), new Date(now.getTime() + CHARGE_LEASE_MS)]);
      }
      return rows;
    });
    await Promise.all(claimed.map((a) => this.resolve(a)));
    return claimed.length;
  }

  private async resolve(a: Unresolved): Promise<void> {
    if (a.billing_key_enc === null) {
      await this.byLookup(a, true);
      return;
    }
    try {
      const payment = await this.toss.chargeBillingKey(
        this.vault.open(a.payment_method_id, a.billing_key_enc),
        { customerKey: a.customer_key, amount: a.amount_won, orderId: a.toss_order_id, orderName: a.order_name },
        { idempotencyKey: a.idempotency_key },
      );
      await this.outcomes.approved(a.id, payment);
    } catch (error) {
      if (error instanceof TossApiError && error.code === 'IDEMPOTENT_REQUEST_PROCESSING') {
        await this.outcomes.unknown(a.id, 5_000);
      } else if (error instanceof TossApiError && UNSETTLED_CODES.has(error.code)) {
        await this.byLookup(a, false);
      } else if (error instanceof TossApiError && !error.outcomeUnknown) {
        await this.outcomes.declined(a.id, failureOf(error));
      } else {
        this.log.warn({ attemptId: a.id, err: error }, 'charge outcome still unknown; will ask again');
        await this.outcomes.unknown(a.id, 10_000);
      }
    }
  }

  /** Asks Toss for the payment of the attempt's orderId. */
  private async byLookup(a: Unresolved, cardGone: boolean): Promise<void> {
    let payment: TossPayment | null;
    try {
      payment = await this.toss.getPaymentByOrderId(a.toss_order_id);
    } catch (error) {
      if (!(error instanceof TossApiError && error.code === 'NOT_FOUND_PAYMENT')) {
        await this.outcomes.unknown(a.id, 10_000);
        return;
      }
      payment = null;
    }
    if (payment?.status === 'DONE' || payment?.status === 'PARTIAL_CANCELED' || payment?.status === 'CANCELED') {
      await this.outcomes.approved(a.id, payment);
    } else if (payment?.status === 'ABORTED' || payment?.status === 'EXPIRED') {
      await this.outcomes.declined(a.id, { code: payment.failure?.code ?? 'ABORTED', category: 'soft_decline', message: payment.failure?.message ?? 'the payment was not approved' });
    } else if (payment === null && cardGone) {
      // No payment, and no billing key left to charge with: nothing can still happen under this attempt.
      await this.outcomes.declined(a.id, { code: 'PAYMENT_METHOD_REMOVED', category: 'hard_decline', message: 'the card was removed before the charge could be confirmed' });
    } else {
      await this.outcomes.unknown(a.id, 10_000);
    }
  }
}
