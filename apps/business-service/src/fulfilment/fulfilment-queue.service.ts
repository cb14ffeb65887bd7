import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@roastery/clock';
import type { FulfilmentQueueDto } from '@roastery/contracts';
import { DataSource, In } from 'typeorm';
import { PartnerOrder } from '../partner-orders/partner-order.entity';
import { PartnerOrdersService } from '../partner-orders/partner-orders.service';
import { PartnerAccess } from '../partners/partner-access';
import { type DemandLine, roastDemand, seoulDate, shipByDate } from './fulfilment.rules';
import { PartnerRefundsService } from './partner-refunds.service';

/** Most unshipped orders the queue shows (oldest first). */
const QUEUE_LIMIT = 500;

/** The fulfilment queue: the caller's partners' unshipped orders grouped by ship-by date, with what to roast. */
@Injectable()
export class FulfilmentQueueService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: PartnerAccess,
    private readonly orders: PartnerOrdersService,
    private readonly refunds: PartnerRefundsService,
  ) {}

  /** PAID and PREPARING orders by ship-by date (oldest first), each day's and the total demand per option. */
  async queue(userId: string): Promise<FulfilmentQueueDto> {
    const em = this.ds.manager;
    const memberships = await this.access.requireMemberships(em, userId);
    const rows = await em.find(PartnerOrder, {
      where: { partnerId: In(memberships.map((m) => m.partnerId)), status: In(['PAID', 'PREPARING']) },
      order: { paidAt: 'ASC', id: 'ASC' },
      take: QUEUE_LIMIT + 1,
    });
    const truncated = rows.length > QUEUE_LIMIT;
    const shown = rows.slice(0, QUEUE_LIMIT);
    const dtos = await this.orders.dtos(em, shown);
    const weights: Array<{ id: string; weight_grams: number }> = await em.query(`SELECT id, weight_grams FROM product_options WHERE id = ANY($1::uuid[])`, [[...new Set(dtos.flatMap((o) => o.lines.map((l) => l.optionId)))]]);
    const weightOf = new Map(weights.map((w) => [w.id, w.weight_grams]));
    const demandLines = (orders: typeof dtos): DemandLine[] =>
      orders.flatMap((o) => o.lines.map((l) => ({ partnerOrderId: o.id, optionId: l.optionId, productId: l.productId, productName: l.productName, optionLabel: l.optionLabel, weightGrams: weightOf.get(l.optionId) ?? null, quantity: l.quantity })));

    const today = seoulDate(this.clock.now());
    const byDay = new Map<string, typeof dtos>();
    for (const o of dtos) byDay.set(shipByDate(new Date(o.paidAt)), [...(byDay.get(shipByDate(new Date(o.paidAt))) ?? []), o]);
    return {
      today,
      days: [...byDay.keys()].sort().map((shipBy) => {
        const orders = byDay.get(shipBy) ?? [];
        return { shipBy, overdue: shipBy < today, orders, demand: roastDemand(demandLines(orders)) };
      }),
      demand: roastDemand(demandLines(dtos)),
      total: dtos.length,
      truncated,
      refundLimitWon: this.refunds.limitWon,
    };
  }
}
