import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@roastery/clock';
import type { orderPaid, Page, PartnerOrderDto, PartnerOrderListQuery, PayloadOf } from '@roastery/contracts';
import { notFound } from '@roastery/http';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager, In } from 'typeorm';
import { PartnerAccess } from '../partners/partner-access';
import { PartnerRefund } from '../fulfilment/partner-refund.entity';
import { StockReservationsService } from '../stock/stock-reservations.service';
import { PartnerOrder } from './partner-order.entity';
import { optionLabelOf, toPartnerOrderDto } from './partner-order.mapper';
import { PartnerOrderLine } from './partner-order-line.entity';

type OrderPaid = PayloadOf<typeof orderPaid>;

/** Paid orders routed to their partners: commit on payment, and the partner's read of them. */
@Injectable()
export class PartnerOrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: PartnerAccess,
    private readonly stock: StockReservationsService,
  ) {}

  /**
   * order.paid, in the consumer's transaction: commits the order's stock reservation and creates
   * one PAID partner order per (order, partner) with its lines, shipping fee and ship-to copy.
   * A repeat changes nothing (one partner order per order and partner).
   */
  async onPaid(em: EntityManager, paid: OrderPaid): Promise<void> {
    const { stockReserved } = await this.stock.commit(em, paid.orderId, paid.lines);
    await this.route(em, paid, stockReserved);
  }

  /** The orders routed to the caller's partners, newest paid first. */
  async list(userId: string, q: PartnerOrderListQuery): Promise<Page<PartnerOrderDto>> {
    const em = this.ds.manager;
    const memberships = await this.access.requireMemberships(em, userId);
    const [rows, total] = await em.findAndCount(PartnerOrder, {
      where: { partnerId: In(memberships.map((m) => m.partnerId)), ...(q.status && { status: q.status }) },
      order: { paidAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.size,
      take: q.size,
    });
    return { items: await this.dtos(em, rows), page: q.page, size: q.size, total };
  }

  /** One routed order of the caller's partners, by its id or by the user-service order id; anyone else's is 404. */
  async get(userId: string, id: string): Promise<PartnerOrderDto> {
    const em = this.ds.manager;
    const found = await em
      .createQueryBuilder(PartnerOrder, 'o')
      .where('(o.id = :id OR o.order_id = :id)', { id })
      .andWhere('EXISTS (SELECT 1 FROM partner_members m WHERE m.partner_id = o.partner_id AND m.user_id = :userId)', { userId })
      .orderBy('o.id', 'ASC')
      .getMany();
    // An order id names one partner order per partner; an account in several of them gets the first.
    const order = found.find((o) => o.id === id) ?? found[0];
    if (!order) throw notFound('order');
    const [dto] = await this.dtos(em, [order]);
    return dto;
  }

  private async route(em: EntityManager, paid: OrderPaid, stockReserved: boolean): Promise<void> {
    const now = this.clock.now();
    const byPartner = new Map<string, OrderPaid['lines']>();
    for (const l of paid.lines) byPartner.set(l.partnerId, [...(byPartner.get(l.partnerId) ?? []), l]);
    const partners = [...byPartner.keys()];
    const fee = (partnerId: string) => paid.shippingFees.filter((f) => f.partnerId === partnerId).reduce((s, f) => s + f.feeWon, 0);
    const total = (lines: OrderPaid['lines']) => lines.reduce((s, l) => s + l.quantity * l.unitPriceWon, 0);

    const created: Array<{ id: string; partner_id: string }> = await em.query(
      `INSERT INTO partner_orders (id, order_id, partner_id, user_id, subscription_id, status, items_total_won, shipping_fee_won, ship_to, stock_reserved, paid_at, created_at, updated_at)
       SELECT d.id, $3, d.partner_id, $4, $5, 'PAID', d.items_total, d.fee, $6::jsonb, $7, $8, $9, $9
         FROM unnest($1::uuid[], $2::uuid[], $10::int[], $11::int[]) AS d(id, partner_id, items_total, fee)
           ON CONFLICT (order_id, partner_id) DO NOTHING
       RETURNING id, partner_id`,
      [
        partners.map(() => uuidv7()),
        partners,
        paid.orderId,
        paid.userId,
        paid.subscriptionId,
        paid.shipTo ? JSON.stringify(paid.shipTo) : null,
        stockReserved,
        paid.paidAt,
        now,
        partners.map((p) => total(byPartner.get(p) ?? [])),
        partners.map(fee),
      ],
    );
    if (created.length === 0) return;

    const names = await this.fallbackNames(em, paid.lines);
    const lines = created.flatMap((po) =>
      (byPartner.get(po.partner_id) ?? []).map((l, i) => ({
        partnerOrderId: po.id,
        lineNo: i + 1,
        ...l,
        productName: l.productName ?? names.get(l.optionId)?.productName ?? '',
        optionLabel: l.optionLabel ?? names.get(l.optionId)?.optionLabel ?? '',
      })),
    );
    await em.query(
      `INSERT INTO partner_order_lines (partner_order_id, line_no, line_id, catalog_item_id, product_id, option_id, product_name, option_label, quantity, unit_price_won)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::int[])`,
      [
        lines.map((l) => l.partnerOrderId),
        lines.map((l) => l.lineNo),
        lines.map((l) => l.lineId ?? null),
        lines.map((l) => l.catalogItemId),
        lines.map((l) => l.productId),
        lines.map((l) => l.optionId),
        lines.map((l) => l.productName),
        lines.map((l) => l.optionLabel),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitPriceWon),
      ],
    );
  }

  /** Names for lines whose order.paid carried none, from the option and the product's version on sale (else newest). */
  private async fallbackNames(em: EntityManager, lines: OrderPaid['lines']): Promise<Map<string, { productName: string; optionLabel: string }>> {
    const missing = lines.filter((l) => l.productName === undefined || l.optionLabel === undefined).map((l) => l.optionId);
    if (missing.length === 0) return new Map();
    const rows: Array<{ id: string; weight_grams: number; grind: string; name: string | null }> = await em.query(
      `SELECT o.id, o.weight_grams, o.grind, v.content->>'name' AS name
         FROM product_options o
         JOIN products p ON p.id = o.product_id
         LEFT JOIN product_versions v ON v.product_id = p.id AND v.version = COALESCE(p.on_sale_version, p.latest_version)
        WHERE o.id = ANY($1::uuid[])`,
      [missing],
    );
    return new Map(rows.map((r) => [r.id, { productName: r.name ?? '', optionLabel: optionLabelOf(r.weight_grams, r.grind) }]));
  }

  /** DTOs of these orders with their lines and refunds, in three queries whatever their number. */
  async dtos(em: EntityManager, orders: PartnerOrder[]): Promise<PartnerOrderDto[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    const lines = await em.find(PartnerOrderLine, { where: { partnerOrderId: In(ids) } });
    const refunds = await em.find(PartnerRefund, { where: { partnerOrderId: In(ids) } });
    return orders.map((o) =>
      toPartnerOrderDto(
        o,
        lines.filter((l) => l.partnerOrderId === o.id),
        refunds.filter((r) => r.partnerOrderId === o.id),
      ),
    );
  }
}
