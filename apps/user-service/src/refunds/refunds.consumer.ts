import { Injectable, type OnModuleInit } from '@nestjs/common';
import { refundRequested } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { RefundProcessor } from './refund-processor';
import { RefundsService } from './refunds.service';

/** refund.requested (admin-service, business-service): into the payment's queue, then drained. */
@Injectable()
export class RefundsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly refunds: RefundsService,
    private readonly processor: RefundProcessor,
  ) {}

  onModuleInit(): void {
    this.bus.on(refundRequested, 'user.refunds.enqueue', async ({ payload, em }) => {
      if (await this.refunds.enqueue(em, payload)) this.processor.kickSoon(payload.orderId);
    });
  }
}
