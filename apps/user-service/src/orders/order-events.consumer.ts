import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fulfilmentStatusChanged, orderCancellationDecided } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { RefundProcessor } from '../refunds/refund-processor';
import { OrderFulfilmentService } from './order-fulfilment.service';

/** business-service's fulfilment and cancellation decisions, applied to the order; refunds they queue are drained after. */
@Injectable()
export class OrderEventsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly fulfilment: OrderFulfilmentService,
    private readonly refunds: RefundProcessor,
  ) {}

  onModuleInit(): void {
    this.bus.on(fulfilmentStatusChanged, 'user.orders.mirror-fulfilment', async ({ payload, em }) => {
      const kick = await this.fulfilment.applyFulfilment(em, payload);
      if (kick) this.refunds.kickSoon(kick);
    });
    this.bus.on(orderCancellationDecided, 'user.orders.apply-cancellation-decision', async ({ payload, em }) => {
      const kick = await this.fulfilment.applyCancellationDecision(em, payload);
      if (kick) this.refunds.kickSoon(kick);
    });
  }
}
