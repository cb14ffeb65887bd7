import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { Scheduler } from '@roastery/scheduler';
import { DataSource } from 'typeorm';
import { requestStock, type StockRequest } from './order-store';

/** How long an order waits for business-service's stock answer before it is asked again. */
export const STOCK_REPLY_TIMEOUT_MS = 5 * 60_000;

/**
 * Asks business-service again about orders still waiting for stock. The saga's request can end in
 * business-service's dead-letter queue (e.g. its database out of connections for longer than the
 * retries); without this the order would wait forever. business-service answers a repeated order
 * with the decision it already took (reservations are unique per order line), so asking twice is safe.
 */
@Injectable()
export class StockRequestRetry implements OnModuleInit {
  static readonly JOB = 'billing.ask-stock-again';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly scheduler: Scheduler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(StockRequestRetry.JOB, 60_000, () => this.askAgain().then(() => undefined));
  }

  /** Re-sends the stock request of orders waiting longer than the timeout; returns how many. */
  async askAgain(olderThanMs = STOCK_REPLY_TIMEOUT_MS): Promise<number> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const stale: { id: string }[] = await em.query(
        `SELECT id FROM orders WHERE status = 'PENDING_STOCK' AND updated_at < $1 ORDER BY placed_at LIMIT 1000 FOR UPDATE SKIP LOCKED`,
        [new Date(now.getTime() - olderThanMs)],
      );
      if (stale.length === 0) return 0;
      const ids = stale.map((o) => o.id);
      const lines: { order_id: string; id: string; partner_id: string; product_id: string; option_id: string; quantity: number }[] = await em.query(
        `SELECT order_id, id, partner_id, product_id, option_id, quantity FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
        [ids],
      );
      const linesOf = new Map<string, StockRequest['lines']>(ids.map((id) => [id, []]));
      for (const l of lines) linesOf.get(l.order_id)?.push({ lineId: l.id, partnerId: l.partner_id, productId: l.product_id, optionId: l.option_id, quantity: l.quantity });
      await requestStock(em, this.outbox, ids.map((orderId) => ({ orderId, lines: linesOf.get(orderId) ?? [] })), now);
      await em.query(`UPDATE orders SET updated_at = $2 WHERE id = ANY($1::uuid[])`, [ids, now]);
      this.log.warn({ orders: ids.length }, 'asked business-service again for stock of orders without an answer');
      return ids.length;
    });
  }
}
