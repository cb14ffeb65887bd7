import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { BillingModule } from '../billing/billing.module';
import { PaymentMethodsModule } from '../payment-methods/payment-methods.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SubscriptionCardHooks } from './subscription-card-hooks';
import { SubscriptionRepricing } from './subscription-repricing';
import { SubscriptionEditsService } from './subscription-edits.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

/** Subscriptions: start (first box charged at once), read with preview, and every operation on them. */
@Module({
  imports: [AddressesModule, BillingModule, PaymentMethodsModule, NotificationsModule],
  controllers: [SubscriptionsController],
  providers: [SubscriptionsService, SubscriptionEditsService, SubscriptionCardHooks, SubscriptionRepricing],
  exports: [SubscriptionsService, SubscriptionEditsService],
})
export class SubscriptionsModule {}
