import { Module } from '@nestjs/common';
import { OptionStock } from './option-stock';
import { StockConsumer } from './stock.consumer';
import { StockReservationsService } from './stock-reservations.service';

/** Stock reservations of the order saga (ADR 0014). */
@Module({ providers: [OptionStock, StockReservationsService, StockConsumer], exports: [StockReservationsService] })
export class StockModule {}
