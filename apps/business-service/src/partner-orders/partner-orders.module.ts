import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { StockModule } from '../stock/stock.module';
import { PartnerOrdersConsumer } from './partner-orders.consumer';
import { PartnerOrdersController } from './partner-orders.controller';
import { PartnerOrdersService } from './partner-orders.service';

/** Paid orders routed to partners and the partner's read of them (transitions: src/fulfilment). */
@Module({ imports: [PartnersModule, StockModule], controllers: [PartnerOrdersController], providers: [PartnerOrdersService, PartnerOrdersConsumer], exports: [PartnerOrdersService] })
export class PartnerOrdersModule {}
