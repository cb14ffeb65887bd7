import { Controller, Get, Query } from '@nestjs/common';
import type { TossSettlement, TossTransaction } from '@roastery/toss';
import { TossApi } from '../common/toss-api.decorator';
import { SettlementsService, type SettlementQuery } from './settlements.service';
import { TransactionsService, type TransactionQuery } from './transactions.service';

/** The reconciliation listings of the Toss core API. */
@TossApi()
@Controller('v1')
export class ReportsController {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly settlements: SettlementsService,
  ) {}

  /** Lists transactions (approvals and cancels). */
  @Get('transactions')
  listTransactions(@Query() query: TransactionQuery): Promise<TossTransaction[]> {
    return this.transactions.list(query);
  }

  /** Lists settlement rows. */
  @Get('settlements')
  listSettlements(@Query() query: SettlementQuery): Promise<TossSettlement[]> {
    return this.settlements.list(query);
  }
}
