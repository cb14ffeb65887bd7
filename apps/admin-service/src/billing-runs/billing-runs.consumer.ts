import { Injectable, type OnModuleInit } from '@nestjs/common';
import { billingRunProgressed } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { BillingRunsService } from './billing-runs.service';

/** Follows user-service's billing runs. */
@Injectable()
export class BillingRunsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly runs: BillingRunsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(billingRunProgressed, 'admin.record-billing-run-progress', async ({ payload, em }) => {
      await this.runs.progressed(em, payload);
    });
  }
}
