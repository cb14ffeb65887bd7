import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderDto, OrderSummaryDto, Page, PageQuery } from '@roastery/contracts';
import { notFound } from '@roastery/http';
import { DataSource } from 'typeorm';
import { PaymentAttempt } from '../billing/payment-attempt.entity';
import { CONFIG, type UserServiceConfig } from '../config';
import { Refund } from '../refunds/refund.entity';
import { Order } from './order.entity';
import { toAfterSaleDto, toOrderDto, toOrderSummaryDto } from './order.mapper';
import { OrderFulfilment } from './order-fulfilment.entity';
import { OrderLine } from './order-line.entity';
import { OrderRequest } from './order-request.entity';
import { OrderShippingFee } from './order-shipping-fee.entity';

/** A subscriber's orders with their payment history; paid amounts come from the ledger. */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
  ) {}

  async list(accountId: string, q: PageQuery & { subscriptionId?: string }): Promise<Page<OrderSummaryDto>> {
    const [rows, total] = await this.ds.getRepository(Order).findAndCount({
      where: { accountId, ...(q.subscriptionId && { subscriptionId: q.subscriptionId }) },
      order: { placedAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    return { items: rows.map(toOrderSummaryDto), page: q.page, size: q.size, total };
  }

  /** One own order with its payment, and after payment its fulfilment, requests, refunds and open actions. */
  async get(accountId: string, id: string): Promise<OrderDto> {
    const order = await this.ds.getRepository(Order).findOneBy({ id, accountId });
    if (!order) throw notFound('order');
    const [lines, fees, attempts, [{ paid }], parts, requests, refunds] = await Promise.all([
      this.ds.getRepository(OrderLine).find({ where: { orderId: id }, order: { position: 'ASC' } }),
      this.ds.getRepository(OrderShippingFee).findBy({ orderId: id }),
      this.ds.getRepository(PaymentAttempt).find({ where: { orderId: id }, order: { attempt: 'ASC' } }),
      this.ds.query(`SELECT coalesce(sum(amount_won), 0)::int AS paid FROM payment_ledger WHERE order_id = $1`, [id]) as Promise<{ paid: number }[]>,
      this.ds.getRepository(OrderFulfilment).findBy({ orderId: id }),
      this.ds.getRepository(OrderRequest).find({ where: { orderId: id }, order: { requestedAt: 'ASC' } }),
      this.ds.getRepository(Refund).find({ where: { orderId: id }, order: { seq: 'ASC' } }),
    ]);
    const dto = toOrderDto(order, lines, fees, attempts, paid);
    const afterSale = toAfterSaleDto({ order, lines, fees, parts, requests, refunds, balanceWon: paid, autoConfirmDays: this.config.ORDER_AUTO_CONFIRM_DAYS });
    return afterSale ? { ...dto, afterSale } : dto;
  }
}
