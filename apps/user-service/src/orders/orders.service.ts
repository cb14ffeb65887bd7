import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderDto, OrderSummaryDto, Page, PageQuery } from '@roastery/contracts';
import { notFound } from '@roastery/http';
import { DataSource } from 'typeorm';
import { PaymentAttempt } from '../billing/payment-attempt.entity';
import { Order } from './order.entity';
import { toOrderDto, toOrderSummaryDto } from './order.mapper';
import { OrderLine } from './order-line.entity';
import { OrderShippingFee } from './order-shipping-fee.entity';

/** A subscriber's orders with their payment history; paid amounts come from the ledger. */
@Injectable()
export class OrdersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(accountId: string, q: PageQuery & { subscriptionId?: string }): Promise<Page<OrderSummaryDto>> {
    const [rows, total] = await this.ds.getRepository(Order).findAndCount({
      where: { accountId, ...(q.subscriptionId && { subscriptionId: q.subscriptionId }) },
      order: { placedAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    return { items: rows.map(toOrderSummaryDto), page: q.page, size: q.size, total };
  }

  async get(accountId: string, id: string): Promise<OrderDto> {
    const order = await this.ds.getRepository(Order).findOneBy({ id, accountId });
    if (!order) throw notFound('order');
    const [lines, fees, attempts, [{ paid }]] = await Promise.all([
      this.ds.getRepository(OrderLine).find({ where: { orderId: id }, order: { position: 'ASC' } }),
      this.ds.getRepository(OrderShippingFee).findBy({ orderId: id }),
      this.ds.getRepository(PaymentAttempt).find({ where: { orderId: id }, order: { attempt: 'ASC' } }),
      this.ds.query(`SELECT coalesce(sum(amount_won), 0)::int AS paid FROM payment_ledger WHERE order_id = $1`, [id]) as Promise<{ paid: number }[]>,
    ]);
    return toOrderDto(order, lines, fees, attempts, paid);
  }
}
