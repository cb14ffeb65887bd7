import { Injectable, type OnModuleInit } from '@nestjs/common';
import { orderCancellationRequested, orderPurchaseConfirmed, orderReturnRequested, refundCompleted, refundRefused, userDeleted } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { FulfilmentService } from './fulfilment.service';
import { PartnerRefundsService } from './partner-refunds.service';

/** What user-service tells fulfilment: cancellation and return requests, confirmations, refund outcomes, deleted accounts. */
@Injectable()
export class FulfilmentConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly fulfilment: FulfilmentService,
    private readonly refunds: PartnerRefundsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(orderCancellationRequested, 'business.order-cancellation-requested', ({ payload, em }) => this.fulfilment.onCancellationRequested(em, payload));
    this.bus.on(orderReturnRequested, 'business.order-return-requested', ({ payload, em }) => this.fulfilment.onReturnRequested(em, payload));
    this.bus.on(orderPurchaseConfirmed, 'business.order-purchase-confirmed', ({ payload, em }) => this.fulfilment.onPurchaseConfirmed(em, payload));
    this.bus.on(userDeleted, 'business.user-deleted.fulfilment', ({ payload, em }) => this.fulfilment.onUserDeleted(em, payload.userId));
    this.bus.on(refundCompleted, 'business.refund-completed', ({ payload, em }) => this.refunds.onCompleted(em, payload));
    this.bus.on(refundRefused, 'business.refund-refused', ({ payload, em }) => this.refunds.onRefused(em, payload));
  }
}
