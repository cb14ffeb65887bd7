import { Injectable, type OnModuleInit } from '@nestjs/common';
import { orderBatchPaid } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { PartnerOrdersService } from './partner-orders.service';

/**
 * The last stock step of the order saga: paid orders commit their reservations and reach their
 * partners. They come a chunk at a time (`order.batch.paid`), applied in one transaction with one
 * inbox row, so a billing run's payments do not crowd out its stock requests on this queue.
 * Each order is applied idempotently, so an order seen again changes nothing.
 */
@Injectable()
export class PartnerOrdersConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly orders: PartnerOrdersService,
  ) {}

  onModuleInit(): void {
    this.bus.on(orderBatchPaid, 'business.orders-paid', async ({ payload, em }) => {
      // Orders in id order: two batches touching the same options lock them in one order.
      for (const paid of [...payload.orders].sort((a, b) => a.orderId.localeCompare(b.orderId))) await this.orders.onPaid(em, paid);
    });
  }
}
