import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TossTransaction } from '@roastery/toss';
import { Brackets, type DataSource } from 'typeorm';
import { formatKst, parseKstLocal } from '../common/kst';
import { tossError } from '../common/toss-errors';
import { TransactionEntity } from '../payments/transaction.entity';
import { SettingsService } from '../settings/settings.service';

/** Query of `GET /v1/transactions` as received. */
export interface TransactionQuery {
  startDate?: string;
  endDate?: string;
  startingAfter?: string;
  limit?: string;
}

/** `GET /v1/transactions`: approvals and cancels between two KST local times, with a cursor. */
@Injectable()
export class TransactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** One page of transactions, oldest first, after the `startingAfter` transaction if given. */
  async list(query: TransactionQuery): Promise<TossTransaction[]> {
    if (!query.startDate || !query.endDate) throw tossError('INVALID_REQUEST', 'startDate와 endDate는 필수입니다.');
    // Zone-less KST only: a `Z` or an offset is refused with INVALID_DATE, as observed.
    const start = parseKstLocal(query.startDate);
    const end = parseKstLocal(query.endDate);
    if (!start || !end) throw tossError('INVALID_DATE');
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw tossError('INVALID_REQUEST', 'limit은 1~5000 입니다.');

    const repo = this.dataSource.getRepository(TransactionEntity);
    const qb = repo
      .createQueryBuilder('t')
      .where('t.transaction_at BETWEEN :start AND :end', { start, end })
      .orderBy('t.transaction_at', 'ASC')
      .addOrderBy('t.seq', 'ASC')
      .limit(limit);
    if (query.startingAfter) {
      const cursor = await repo.findOneBy({ transactionKey: query.startingAfter });
      if (!cursor) throw tossError('INVALID_REQUEST', 'startingAfter 거래를 찾을 수 없습니다.');
      qb.andWhere(
        new Brackets((w) => {
          w.where('t.transaction_at > :at', { at: cursor.transactionAt }).orWhere('(t.transaction_at = :at AND t.seq > :seq)', { seq: cursor.seq });
        }),
      );
    }
    const mId = this.settings.current.mId;
    const rows = await qb.getMany();
    return rows.map((t) => ({
      mId,
      transactionKey: t.transactionKey,
      paymentKey: t.paymentKey,
      orderId: t.orderId,
      method: '카드',
      customerKey: t.customerKey,
      useEscrow: false,
      receiptUrl: `https://dashboard-sandbox.tosspayments.com/receipt/redirection?transactionId=${t.transactionKey}&ref=PX`,
      status: t.status,
      transactionAt: formatKst(t.transactionAt),
      currency: 'KRW',
      amount: t.amount,
    }));
  }
}
