import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentMethodsModule } from '../payment-methods/payment-methods.module';
import { AttemptResolver } from './attempt-resolver';
import { BillingEngine } from './billing-engine';
import { BillingRuns } from './billing-runs';
import { ChargeOutcomes } from './charge-outcomes';
import { ChargeWorker } from './charge-worker';
import { ChargeWorkerLoop } from './charge-worker.loop';
import { PreChargeNotices } from './pre-charge-notices';
import { StockRepliesConsumer } from './stock-replies.consumer';
import { StockRequestRetry } from './stock-request-retry';

/** The recurring billing engine and the order saga's payment side (the only place that charges). */
@Module({
  imports: [PaymentMethodsModule, NotificationsModule],
  providers: [BillingEngine, ChargeOutcomes, ChargeWorker, ChargeWorkerLoop, AttemptResolver, StockRepliesConsumer, StockRequestRetry, PreChargeNotices, BillingRuns],
  exports: [BillingEngine, ChargeOutcomes, ChargeWorkerLoop, ChargeWorker, AttemptResolver, BillingRuns, PreChargeNotices],
})
export class BillingModule {}
