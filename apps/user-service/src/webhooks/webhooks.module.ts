import { Module } from '@nestjs/common';
import { PaymentMethodsModule } from '../payment-methods/payment-methods.module';
import { TossPaymentObservers } from './toss-payment-observers';
import { TossWebhookController } from './toss-webhook.controller';
import { TossWebhookProcessor } from './toss-webhook.processor';

/** Receives Toss's webhooks and acts on what Toss reports when asked again. */
@Module({
  imports: [PaymentMethodsModule],
  controllers: [TossWebhookController],
  providers: [TossWebhookProcessor, TossPaymentObservers],
  exports: [TossPaymentObservers],
})
export class WebhooksModule {}
