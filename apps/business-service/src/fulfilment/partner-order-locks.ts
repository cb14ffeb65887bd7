import type { EntityManager } from 'typeorm';
import { PartnerOrder } from '../partner-orders/partner-order.entity';

/**
 * Row locks on partner orders. Every writer locks partner order rows FOR UPDATE in ascending id
 * order (one order's parts, a bulk ship's orders), so a cancellation and a ship meet on the same
 * row lock and never deadlock (ADR 0018).
 */

/** Locks one partner order of the caller's partners, by its id or by user-service's order id; null when there is none the caller may see. */
export async function lockOwnOrder(em: EntityManager, userId: string, id: string): Promise<PartnerOrder | null> {
  const [found] = await lockOwnOrders(em, userId, [id]);
  return found ?? null;
}

/** Locks the caller's partner orders named by these ids (own or order ids), in id order. */
export function lockOwnOrders(em: EntityManager, userId: string, ids: readonly string[]): Promise<PartnerOrder[]> {
  return em
    .createQueryBuilder(PartnerOrder, 'o')
    .where('(o.id = ANY(:ids::uuid[]) OR o.order_id = ANY(:ids::uuid[]))', { ids })
    .andWhere('EXISTS (SELECT 1 FROM partner_members m WHERE m.partner_id = o.partner_id AND m.user_id = :userId)', { userId })
    .orderBy('o.id', 'ASC')
    .setLock('pessimistic_write')
    .getMany();
}

/** Locks every partner order of one order (user-service's order id), in id order. */
export function lockOrderParts(em: EntityManager, orderId: string): Promise<PartnerOrder[]> {
  return em.createQueryBuilder(PartnerOrder, 'o').where('o.order_id = :orderId', { orderId }).orderBy('o.id', 'ASC').setLock('pessimistic_write').getMany();
}

/** The partner order an id names among locked rows: its own id first, else the first part of that order. */
export function pick(rows: readonly PartnerOrder[], id: string): PartnerOrder | undefined {
  return rows.find((o) => o.id === id) ?? rows.find((o) => o.orderId === id);
}
