import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TossPayment } from '@roastery/toss';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { newApproveNo, newPaymentKey, newTransactionKey } from '../common/ids';
import { formatKst } from '../common/kst';
import { TOSS_ERRORS, tossError, type TossErrorCode } from '../common/toss-errors';
import { splitVat } from '../payments/payment-amounts.rules';
import { PaymentEntity } from '../payments/payment.entity';
import { toTossPayment } from '../payments/payment.mapper';
import { SettingsService } from '../settings/settings.service';
import type { SandboxSettings } from '../settings/sandbox-settings';
import { BillingKeyEntity } from './billing-key.entity';
import { parseChargeRequest, type ChargeRequest } from './billing-requests';
import { SlowChargeGate } from './slow-charge-gate';
import { DECLINE_CODES, type CardOutcome } from './test-cards';

/** What a charge attempt produced, before it is turned into an answer. */
type ChargeResult = { payment: PaymentEntity; outcome: CardOutcome } | { declined: TossErrorCode };

/**
 * `POST /v1/billing/{billingKey}`: validates, applies the key's scripted outcome and creates a
 * BILLING payment (approved synchronously, or ABORTED when declined).
 */
@Injectable()
export class ChargeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly gate: SlowChargeGate,
  ) {}

  /** Charges the key; `onResponseLost` is called when the scripted outcome drops the answer. */
  async charge(billingKey: string, body: unknown, onResponseLost: () => void): Promise<TossPayment> {
    const input = parseChargeRequest(body);
    const requestedAt = this.clock.now();
    // Peek without holding a lock: a slow charge must not pin a connection while it waits.
    const key = await this.activeKey(this.dataSource.manager, billingKey, input.customerKey, false);
    if ((key.queuedOutcomes[0] ?? key.outcome) === 'very_slow') await this.gate.wait(this.settings.current.slowChargeMs);

    const settings = this.settings.current;
    let result: ChargeResult;
    try {
      result = await this.dataSource.transaction((em) => this.approveOrDecline(em, billingKey, input, requestedAt, settings));
    } catch (error) {
      // Two different requests racing on one orderId: the unique index lets only one through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw tossError('DUPLICATED_ORDER_ID');
      throw error;
    }
    if ('declined' in result) throw tossError(result.declined);
    if (result.outcome === 'response_lost') onResponseLost();
    return toTossPayment(result.payment, [], settings.mId);
  }

  private async approveOrDecline(em: EntityManager, billingKey: string, input: ChargeRequest, requestedAt: Date, settings: SandboxSettings): Promise<ChargeResult> {
    const key = await this.activeKey(em, billingKey, input.customerKey, true);
    const [queued, ...rest] = key.queuedOutcomes;
    if (queued) await em.update(BillingKeyEntity, { billingKey }, { queuedOutcomes: rest });
    const outcome = queued ?? key.outcome;
    await this.assertOrderIdFree(em, input.orderId, settings);

    const now = this.clock.now();
    const taxFree = input.taxFreeAmount ?? 0;
    const exemption = input.taxExemptionAmount ?? 0;
    const declined = DECLINE_CODES[outcome];
    const transactionKey = declined ? null : newTransactionKey();
    const payment = Object.assign(new PaymentEntity(), {
      paymentKey: newPaymentKey(formatKst(now)),
      orderId: input.orderId,
      orderName: input.orderName,
      customerKey: input.customerKey,
      status: declined ? 'ABORTED' : 'DONE',
      totalAmount: input.amount,
      balanceAmount: declined ? 0 : input.amount,
      ...splitVat(input.amount, taxFree),
      taxFreeAmount: taxFree,
      taxExemptionAmount: exemption,
      // A card payment with a tax exemption (e.g. a cup deposit) cannot be partially cancelled.
      isPartialCancelable: exemption === 0,
      requestedAt,
      approvedAt: declined ? null : now,
      lastTransactionKey: transactionKey,
      approvalTransactionKey: transactionKey,
      card: {
        issuerCode: key.card.issuerCode,
        acquirerCode: key.card.acquirerCode,
        number: key.card.number,
        approveNo: declined ? null : newApproveNo(),
        cardType: key.card.cardType,
        ownerType: key.card.ownerType,
        acquireStatus: 'READY',
        installmentPlanMonths: input.cardInstallmentPlan ?? 0,
      },
      failure: declined ? { code: declined, message: TOSS_ERRORS[declined][1] } : null,
      feeRateBp: settings.settlementFeeRateBp,
    } satisfies Omit<PaymentEntity, 'seq'>);

    if (declined) {
      if (settings.recordDeclinedPayments) await em.query(`${INSERT_PAYMENT}`, paymentParams(payment));
      return { declined };
    }
    // The payment and its approval transaction in one statement (one round trip, raw SQL: this is
    // the sandbox's hot path when a billing run charges thousands of keys).
    await em.query(
      `WITH payment AS (${INSERT_PAYMENT})
       INSERT INTO transactions (transaction_key, payment_key, order_id, customer_key, status, amount, transaction_at) VALUES ($20, $1, $2, $4, 'DONE', $6, $21)`,
      [...paymentParams(payment), transactionKey ?? '', now],
    );
    return { payment, outcome };
  }

  private async activeKey(em: EntityManager, billingKey: string, customerKey: string, lock: boolean): Promise<BillingKeyEntity> {
    const rows: KeyRow[] = await em.query(
      `SELECT billing_key, customer_key, card, authenticated_at, outcome, queued_outcomes, deleted_at FROM billing_keys WHERE billing_key = $1${lock ? ' FOR UPDATE' : ''}`,
      [billingKey],
    );
    const row = rows[0];
    if (!row || row.deleted_at) throw tossError('NOT_FOUND_BILLING');
    if (row.customer_key !== customerKey) throw tossError('NOT_MATCHES_CUSTOMER_KEY');
    return Object.assign(new BillingKeyEntity(), {
      billingKey: row.billing_key,
      customerKey: row.customer_key,
      card: row.card,
      authenticatedAt: row.authenticated_at,
      outcome: row.outcome,
      queuedOutcomes: row.queued_outcomes,
      deletedAt: row.deleted_at,
    });
  }

  /** An approved or cancelled orderId is taken; a declined one only if settings say so. */
  private async assertOrderIdFree(em: EntityManager, orderId: string, settings: SandboxSettings): Promise<void> {
    const earlier: { status: string }[] = await em.query(`SELECT status FROM payments WHERE order_id = $1`, [orderId]);
    if (earlier.some((p) => p.status !== 'ABORTED')) throw tossError('DUPLICATED_ORDER_ID');
    if (earlier.length > 0 && !settings.declinedOrderIdReusable) throw tossError('DUPLICATED_ORDER_ID');
  }
}

interface KeyRow {
  billing_key: string;
  customer_key: string;
  card: BillingKeyEntity['card'];
  authenticated_at: Date;
  outcome: BillingKeyEntity['outcome'];
  queued_outcomes: BillingKeyEntity['queuedOutcomes'];
  deleted_at: Date | null;
}

/** INSERT of a payment row with the parameters of paymentParams ($1–$19). */
const INSERT_PAYMENT = `INSERT INTO payments (payment_key, order_id, order_name, customer_key, status, total_amount, balance_amount, supplied_amount, vat, tax_free_amount,
                          tax_exemption_amount, is_partial_cancelable, requested_at, approved_at, last_transaction_key, approval_transaction_key, card, failure, fee_rate_bp)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`;

function paymentParams(p: Omit<PaymentEntity, 'seq'>): unknown[] {
  return [
    p.paymentKey,
    p.orderId,
    p.orderName,
    p.customerKey,
    p.status,
    p.totalAmount,
    p.balanceAmount,
    p.suppliedAmount,
    p.vat,
    p.taxFreeAmount,
    p.taxExemptionAmount,
    p.isPartialCancelable,
    p.requestedAt,
    p.approvedAt,
    p.lastTransactionKey,
    p.approvalTransactionKey,
    JSON.stringify(p.card),
    p.failure === null ? null : JSON.stringify(p.failure),
    p.feeRateBp,
  ];
}
