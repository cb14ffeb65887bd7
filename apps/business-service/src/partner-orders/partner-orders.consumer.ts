import { Injectable, type OnModuleInit } from '@nestjs/common';
import { orderPaid } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { PartnerOrdersService } from './partner-orders.service';

/** The last stock step of the order saga: a paid order commits its reservation and reaches its partners. */
@Injectable()
export class PartnerOrdersConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly orders: PartnerOrdersService,
  ) {}

  onModuleInit(): void {
    this.bus.on(orderPaid, 'business.order-paid', ({ payload, em }) => this.orders.onPaid(em, payload));
  }
}
