import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Clock, CLOCK } from '@roastery/clock';
import { stockBatchReserved } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { In } from 'typeorm';
import { Order } from '../orders/order.entity';
import { ChargeOutcomes } from './charge-outcomes';
import { ChargeWorkerLoop } from './charge-worker.loop';

/**
 * The saga's second step: business-service's answer to a batch. Reserved orders become ready to
 * charge; refused ones end with nothing charged and their cycle skipped. Only orders still
 * waiting for stock are touched, so a repeated or late answer changes nothing.
 */
@Injectable()
export class StockRepliesConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly outcomes: ChargeOutcomes,
    private readonly loop: ChargeWorkerLoop,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.bus.on(stockBatchReserved, 'user.orders.apply-stock-decisions', async ({ payload, em }) => {
      const now = this.clock.now();
      const reserved = payload.results.filter((r) => r.outcome === 'RESERVED').map((r) => r.orderId);
      if (reserved.length > 0) {
        await em.query(
          `UPDATE orders SET status = 'READY_TO_CHARGE', updated_at = $2, version = version + 1 WHERE id = ANY($1::uuid[]) AND status = 'PENDING_STOCK'`,
          [reserved, now],
        );
      }
      const refusedIds = payload.results.filter((r) => r.outcome === 'REFUSED').map((r) => r.orderId);
      if (refusedIds.length > 0) {
        const refused = await em.find(Order, { where: { id: In(refusedIds), status: 'PENDING_STOCK' }, lock: { mode: 'pessimistic_write' } });
        for (const order of refused) await this.outcomes.stockRefused(em, order, now);
      }
      if (reserved.length > 0) this.loop.kickSoon();
    });
  }
}
