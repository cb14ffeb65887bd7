import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import type { TossPayment } from '@roastery/toss';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { TossPaymentObservers } from '../webhooks/toss-payment-observers';
import { Refund } from './refund.entity';
import { derivedUuid } from './refund-identity';
import { recordRefund } from './refund-processor';

/**
 * Notices cancels made at Toss outside us (Toss's console, support): each unknown cancel of one of
 * our payments becomes a COMPLETED external refund with its ledger row, so the balance stays
 * Toss's. While a refund of ours is in flight it stays out of the way: that cancel is the
 * processor's to record.
 */
@Injectable()
export class RefundObserver implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly observers: TossPaymentObservers,
    private readonly outbox: Outbox,
    private readonly notices: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.observers.register((payment) => this.observe(payment));
  }

  /** Records the payment's cancels we do not know; returns what it did, or null when the payment is not ours. */
  async observe(payment: TossPayment): Promise<string | null> {
    if (!payment.cancels?.length) return null;
    const [charge]: { order_id: string }[] = await this.ds.query(`SELECT order_id FROM payment_ledger WHERE payment_key = $1 AND kind = 'CHARGE'`, [payment.paymentKey]);
    if (!charge) return null;
    const orderId = charge.order_id;
    return this.ds.transaction(async (em) => {
      await em.query(`INSERT INTO refund_queues (order_id, payment_key) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, [orderId, payment.paymentKey]);
      await em.query(`SELECT 1 FROM refund_queues WHERE order_id = $1 FOR UPDATE`, [orderId]);
      if (await em.exists(Refund, { where: { orderId, status: 'PENDING' } })) return 'REFUND_IN_FLIGHT';
      const known = new Set((await em.find(Refund, { where: { orderId }, select: { tossTransactionKey: true } })).map((r) => r.tossTransactionKey));
      const now = this.clock.now();
      let recorded = 0;
      for (const cancel of payment.cancels ?? []) {
        if (known.has(cancel.transactionKey)) continue;
        const refund: Refund = {
          id: derivedUuid(`toss-cancel:${cancel.transactionKey}`),
          orderId,
          seq: '0',
          requestedAmountWon: cancel.cancelAmount,
          amountWon: cancel.cancelAmount,
          reason: (cancel.cancelReason ?? 'cancelled at Toss').slice(0, 200) || 'cancelled at Toss',
          requesterRole: 'SYSTEM',
          requesterUserId: null,
          requesterPartnerId: null,
          status: 'PENDING',
          refusedCode: null,
          refusedMessage: null,
          allocation: null,
          refundableBeforeWon: null,
          sendNo: 0,
          idempotencyKey: null,
          tossTransactionKey: null,
          needsOperator: false,
          external: true,
          requestedAt: now,
          sentAt: now,
          decidedAt: null,
        };
        const { seq: _seq, ...row } = refund;
        await em.insert(Refund, row);
        await recordRefund(em, this.outbox, this.notices, refund, cancel, now);
        recorded++;
      }
      if (recorded > 0) this.log.warn({ orderId, recorded }, 'recorded cancels made at Toss outside user-service');
      return recorded > 0 ? 'EXTERNAL_REFUND_RECORDED' : null;
    });
  }
}
