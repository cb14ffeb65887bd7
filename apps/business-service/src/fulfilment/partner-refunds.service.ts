import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@roastery/clock';
import { type PartnerRefundRequest, type PayloadOf, type refundCompleted, type refundRefused, refundRequested } from '@roastery/contracts';
import { conflict, notFound, unprocessable } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type BusinessServiceConfig, CONFIG } from '../config';
import { refundTakes } from '../partner-orders/partner-order.mapper';
import { PartnerOrder } from '../partner-orders/partner-order.entity';
import { refusePartnerRefund } from './fulfilment.rules';
import { lockOwnOrder } from './partner-order-locks';
import { PartnerRefund } from './partner-refund.entity';

/**
 * Partner refunds (issue 6): a partner asks user-service, through the outbox, to refund its own
 * lines of an order within PARTNER_REFUND_LIMIT_WON per refund and never above what those lines
 * were paid; the record follows user-service's answer. Completed refunds asked by others are
 * recorded too, so the partner sees them and its balance stays right.
 */
@Injectable()
export class PartnerRefundsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: BusinessServiceConfig,
    private readonly outbox: Outbox,
  ) {}

  /** The per-refund limit partners see. */
  get limitWon(): number {
    return this.config.PARTNER_REFUND_LIMIT_WON;
  }

  /**
   * Records a REQUESTED refund and sends refund.requested, under the partner order's row lock so
   * concurrent refunds of one order are checked one after the other. 404 for an order the caller
   * cannot see, 409 for a cancelled one (refunded in full by the cancellation), 422 above the limit
   * or the lines' balance (nothing sent). A repeat with the same Idempotency-Key answers the first refund.
   */
  async request(userId: string, id: string, body: PartnerRefundRequest, idempotencyKey?: string): Promise<{ refundId: string }> {
    return this.ds.transaction(async (em) => {
      const order = await lockOwnOrder(em, userId, id);
      if (!order) throw notFound('order');
      if (idempotencyKey) {
        const first = await em.findOne(PartnerRefund, { where: { requestedByUserId: userId, idempotencyKey } });
        if (first) return { refundId: first.refundId };
      }
      if (order.status === 'CANCELLED') throw conflict('INVALID_STATE', 'a cancelled order is refunded in full by its cancellation');
      const refunds = await em.find(PartnerRefund, { where: { partnerOrderId: order.id } });
      const refusal = refusePartnerRefund({
        amountWon: body.amount,
        limitWon: this.limitWon,
        linesPaidWon: order.itemsTotalWon,
        takenWon: refunds.reduce((s, r) => s + refundTakes(r, order.itemsTotalWon), 0),
      });
      if (refusal) throw unprocessable(refusal.bound === 'LIMIT' ? 'REFUND_ABOVE_LIMIT' : 'REFUND_ABOVE_BALANCE', refusal.message, [{ path: 'amount', message: refusal.message, bound: refusal.bound }]);

      const now = this.clock.now();
      const refundId = uuidv7();
      await em.insert(PartnerRefund, {
        refundId,
        partnerOrderId: order.id,
        orderId: order.orderId,
        partnerId: order.partnerId,
        requestedByRole: 'PARTNER',
        requestedByUserId: userId,
        amountWon: body.amount,
        refundedWon: null,
        reason: body.reason,
        status: 'REQUESTED',
        refusedCode: null,
        refusedMessage: null,
        idempotencyKey: idempotencyKey ?? null,
        requestedAt: now,
        decidedAt: null,
      });
      await this.outbox.add(em, refundRequested, {
        aggregateId: refundId,
        aggregateVersion: 1,
        payload: {
          refundId,
          orderId: order.orderId,
          amountWon: body.amount,
          reason: body.reason,
          requestedBy: { role: 'PARTNER', userId, partnerId: order.partnerId },
          requestedAt: now.toISOString(),
        },
      });
      return { refundId };
    });
  }

  /**
   * refund.completed: the partner's own refund becomes COMPLETED with what was given back of its
   * lines; a refund asked by someone else that gave back lines of a partner here is recorded as
   * COMPLETED for that partner order. A repeat changes nothing.
   */
  async onCompleted(em: EntityManager, c: PayloadOf<typeof refundCompleted>): Promise<void> {
    const parts = await em.find(PartnerOrder, { where: { orderId: c.orderId } });
    if (parts.length === 0) return;
    const known = await em.find(PartnerRefund, { where: { refundId: c.refundId } });
    const now = this.clock.now();
    for (const part of parts) {
      const ofPartner = c.lines.filter((l) => l.partnerId === part.partnerId).reduce((s, l) => s + l.amountWon, 0);
      const mine = known.find((r) => r.partnerOrderId === part.id);
      if (mine) {
        if (mine.status !== 'REQUESTED') continue;
        // A partner's refund touches only its own lines; without line detail it is the amount refunded.
        await em.update(PartnerRefund, { refundId: c.refundId, partnerOrderId: part.id }, { status: 'COMPLETED', refundedWon: ofPartner > 0 ? ofPartner : c.amountWon, decidedAt: now });
      } else if (ofPartner > 0) {
        await em
          .createQueryBuilder()
          .insert()
          .into(PartnerRefund)
          .values({
            refundId: c.refundId,
            partnerOrderId: part.id,
            orderId: c.orderId,
            partnerId: part.partnerId,
            requestedByRole: c.requestedBy.role,
            requestedByUserId: c.requestedBy.userId,
            amountWon: null,
            refundedWon: ofPartner,
            reason: c.reason.slice(0, 200) || 'refund',
            status: 'COMPLETED',
            refusedCode: null,
            refusedMessage: null,
            idempotencyKey: null,
            requestedAt: new Date(c.completedAt),
            decidedAt: now,
          })
          .orIgnore()
          .execute();
      }
    }
  }

  /** refund.refused: the partner's own REQUESTED refund becomes REFUSED with user-service's code; others are not ours. */
  async onRefused(em: EntityManager, r: PayloadOf<typeof refundRefused>): Promise<void> {
    await em.update(PartnerRefund, { refundId: r.refundId, status: 'REQUESTED' }, { status: 'REFUSED', refusedCode: r.code, refusedMessage: r.message.slice(0, 500), decidedAt: this.clock.now() });
  }
}
