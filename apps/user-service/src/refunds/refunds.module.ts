import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { RefundObserver } from './refund-observer';
import { RefundProcessor } from './refund-processor';
import { RefundsConsumer } from './refunds.consumer';
import { RefundsService } from './refunds.service';

/** The refund engine: the only place that cancels payments at Toss and writes REFUND ledger rows. */
@Module({
  imports: [NotificationsModule, WebhooksModule],
  providers: [RefundsService, RefundProcessor, RefundsConsumer, RefundObserver],
  exports: [RefundsService, RefundProcessor],
})
export class RefundsModule {}
