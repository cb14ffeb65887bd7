import { Module } from '@nestjs/common';
import { BillingKeyDeletion } from './billing-key-deletion';
import { BillingKeyRotation } from './billing-key-rotation';
import { BillingKeyVault } from './billing-key-vault';
import { PaymentMethodHooks } from './payment-method-hooks';
import { PaymentMethodsController } from './payment-methods.controller';
import { PaymentMethodsService } from './payment-methods.service';

/** Cards saved as Toss billing keys (registration, default, removal, deletion at Toss). */
@Module({
  controllers: [PaymentMethodsController],
  providers: [PaymentMethodsService, BillingKeyVault, BillingKeyDeletion, BillingKeyRotation, PaymentMethodHooks],
  exports: [PaymentMethodsService, BillingKeyRotation, BillingKeyDeletion, BillingKeyVault, PaymentMethodHooks],
})
export class PaymentMethodsModule {}
