import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TossPayment } from '@roastery/toss';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { newTransactionKey } from '../common/ids';
import { tossError } from '../common/toss-errors';
import { SettingsService } from '../settings/settings.service';
import { WebhookOutboxService } from '../webhooks/webhook-outbox.service';
import { parseCancelRequest } from './cancel-request';
import { decideCancel } from './payment-amounts.rules';
import { PaymentCancelEntity } from './payment-cancel.entity';
import { PaymentEntity } from './payment.entity';
import { toTossPayment } from './payment.mapper';
import { TransactionEntity } from './transaction.entity';

/** Payment lookups and cancels. */
@Injectable()
export class PaymentsService {
  /** Arrival time (wall clock, ms) of the last accepted cancel per paymentKey, for the burst rule. */
  private readonly lastCancelAt = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  /** `GET /v1/payments/{paymentKey}`. */
  async get(paymentKey: string): Promise<TossPayment> {
    const payment = await this.dataSource.getRepository(PaymentEntity).findOneBy({ paymentKey });
    if (!payment) throw tossError('NOT_FOUND_PAYMENT');
    return this.toJson(this.dataSource.manager, payment);
  }

  /** `GET /v1/payments/orders/{orderId}`: the latest payment of the order. */
  async getByOrderId(orderId: string): Promise<TossPayment> {
    const payment = await this.dataSource.getRepository(PaymentEntity).findOne({ where: { orderId }, order: { seq: 'DESC' } });
    if (!payment) throw tossError('NOT_FOUND_PAYMENT');
    return this.toJson(this.dataSource.manager, payment);
  }

  /** `POST /v1/payments/{paymentKey}/cancel`: a full or partial cancel against the balance. */
  async cancel(paymentKey: string, body: unknown): Promise<TossPayment> {
    const input = parseCancelRequest(body);
    this.guardBurst(paymentKey);
    const json = await this.dataSource.transaction(async (em) => {
      const payment = await em.findOne(PaymentEntity, { where: { paymentKey }, lock: { mode: 'pessimistic_write' } });
      if (!payment) throw tossError('NOT_FOUND_PAYMENT');
      const decision = decideCancel(payment, {
        cancelAmount: input.cancelAmount ?? undefined,
        refundableAmount: input.refundableAmount ?? undefined,
        taxFreeAmount: input.taxFreeAmount ?? undefined,
      });
      if ('refused' in decision) throw tossError(decision.refused);

      const now = this.clock.now();
      const transactionKey = newTransactionKey();
      const seq = (await em.countBy(PaymentCancelEntity, { paymentKey })) + 1;
      await em.insert(PaymentCancelEntity, { transactionKey, paymentKey, seq, cancelReason: input.cancelReason, canceledAt: now, ...decision.cancel });
      const { status, balanceAmount, suppliedAmount, vat, taxFreeAmount, taxExemptionAmount } = decision.next;
      const card = { ...payment.card, acquireStatus: status === 'CANCELED' ? 'CANCELED' : payment.card.acquireStatus };
      await em.update(PaymentEntity, { paymentKey }, { status, balanceAmount, suppliedAmount, vat, taxFreeAmount, taxExemptionAmount, lastTransactionKey: transactionKey, card });
      await em.insert(TransactionEntity, {
        transactionKey,
        paymentKey,
        orderId: payment.orderId,
        customerKey: payment.customerKey,
        status,
        amount: decision.cancel.cancelAmount,
        transactionAt: now,
      });
      const updated = await em.findOneByOrFail(PaymentEntity, { paymentKey });
      const result = await this.toJson(em, updated);
      if (this.settings.current.webhookOnBillingCancel) await this.webhooks.add(em, 'PAYMENT_STATUS_CHANGED', result);
      return result;
    });
    return json;
  }

  /**
   * Toss processes only the first of several cancels of one payment within a second. Wall time,
   * not the business clock: a frozen shared clock must not turn every cancel into a burst.
   */
  private guardBurst(paymentKey: string): void {
    const window = this.settings.current.cancelBurstWindowMs;
    if (window === 0) return;
    const now = Date.now();
    const last = this.lastCancelAt.get(paymentKey);
    if (last !== undefined && now - last < window) throw tossError('FORBIDDEN_CONSECUTIVE_REQUEST');
    this.lastCancelAt.set(paymentKey, now);
    if (this.lastCancelAt.size > 10_000) this.lastCancelAt.clear();
  }

  private async toJson(em: EntityManager, payment: PaymentEntity): Promise<TossPayment> {
    const cancels = await em.find(PaymentCancelEntity, { where: { paymentKey: payment.paymentKey }, order: { seq: 'ASC' } });
    return toTossPayment(payment, cancels, this.settings.current.mId);
  }
}
