import { Injectable, type OnModuleInit } from '@nestjs/common';
import { orderBatchPlaced, orderVoided } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { StockReservationsService } from './stock-reservations.service';

/** The stock steps of the order saga: reserve a batch of orders, release a voided order. */
@Injectable()
export class StockConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly reservations: StockReservationsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(orderBatchPlaced, 'business.order-batch-placed', ({ payload, em }) => this.reservations.reserveBatch(em, payload));
    this.bus.on(orderVoided, 'business.order-voided', ({ payload, em }) => this.reservations.release(em, payload.orderId));
  }
}
