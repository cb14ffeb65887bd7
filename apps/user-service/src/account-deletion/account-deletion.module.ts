import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { IdentityModule } from '../auth/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentMethodsModule } from '../payment-methods/payment-methods.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { AccountDeletionController } from './account-deletion.controller';
import { AccountDeletionService } from './account-deletion.service';

/** Deleting an account: everything personal goes, transaction records stay (anonymous). */
@Module({
  imports: [IdentityModule, SubscriptionsModule, AddressesModule, NotificationsModule, PaymentMethodsModule],
  controllers: [AccountDeletionController],
  providers: [AccountDeletionService],
})
export class AccountDeletionModule {}
