import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { ControlController } from './control.controller';

/** The /sandbox control endpoints. */
@Module({ imports: [BillingModule], controllers: [ControlController] })
export class ControlModule {}
