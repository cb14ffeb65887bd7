import { Module } from '@nestjs/common';
import { BillingAuthController } from './billing-auth.controller';
import { BillingKeysService } from './billing-keys.service';
import { BillingController } from './billing.controller';
import { ChargeService } from './charge.service';
import { SlowChargeGate } from './slow-charge-gate';

/** The billing-auth window, billing-key issue and deletion, and charges. */
@Module({
  controllers: [BillingAuthController, BillingController],
  providers: [BillingKeysService, ChargeService, SlowChargeGate],
  exports: [BillingKeysService, SlowChargeGate],
})
export class BillingModule {}
