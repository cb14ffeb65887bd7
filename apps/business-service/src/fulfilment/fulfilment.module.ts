import { Module } from '@nestjs/common';
import { PartnerOrdersModule } from '../partner-orders/partner-orders.module';
import { PartnersModule } from '../partners/partners.module';
import { StockModule } from '../stock/stock.module';
import { FulfilmentConsumer } from './fulfilment.consumer';
import { FulfilmentController } from './fulfilment.controller';
import { FulfilmentService } from './fulfilment.service';
import { FulfilmentQueueService } from './fulfilment-queue.service';
import { PartnerRefundsService } from './partner-refunds.service';

/** Fulfilment of partner orders: state machine, queue, cancellations, returns and partner refunds (ADR 0018). */
@Module({
  imports: [PartnersModule, StockModule, PartnerOrdersModule],
  controllers: [FulfilmentController],
  providers: [FulfilmentService, FulfilmentQueueService, PartnerRefundsService, FulfilmentConsumer],
})
export class FulfilmentModule {}
