import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { SettlementsService } from './settlements.service';
import { TransactionsService } from './transactions.service';

/** Transactions and settlements listings. */
@Module({ controllers: [ReportsController], providers: [TransactionsService, SettlementsService] })
export class ReportsModule {}
