import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fulfilmentStatusChanged, orderPaid, refundCompleted, refundRefused } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { PaymentsService } from './payments.service';

/** Feeds the payments read model from user-service (payments, refunds) and business-service (fulfilment). */
@Injectable()
export class PaymentsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly payments: PaymentsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(orderPaid, 'admin.payments.record-paid', ({ payload, em }) => this.payments.paid(em, payload));
    this.bus.on(refundCompleted, 'admin.payments.record-refund-completed', ({ payload, em }) => this.payments.refundCompleted(em, payload));
    this.bus.on(refundRefused, 'admin.payments.record-refund-refused', ({ payload, em }) => this.payments.refundRefused(em, payload));
    this.bus.on(fulfilmentStatusChanged, 'admin.payments.record-fulfilment', ({ payload, em }) => this.payments.fulfilmentChanged(em, payload));
  }
}
