import { Module } from '@nestjs/common';
import { BillingRunsConsumer } from './billing-runs.consumer';
import { BillingRunsController } from './billing-runs.controller';
import { BillingRunsService } from './billing-runs.service';

/** Billing runs on demand: request one from user-service and track its progress. */
@Module({ controllers: [BillingRunsController], providers: [BillingRunsService, BillingRunsConsumer] })
export class BillingRunsModule {}
