import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@roastery/clock';
import { type orderBatchPlaced, type PayloadOf, stockBatchReserved } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import type { EntityManager } from 'typeorm';
import { allocate, type LockedOption, type OrderDecision } from './allocation.rules';
import { type LockedOptionRow, OptionStock, type OptionDelta } from './option-stock';
import type { StockOrderState } from './stock-order.entity';

type BatchPlaced = PayloadOf<typeof orderBatchPlaced>;

interface StockOrderRow {
  order_id: string;
  outcome: 'RESERVED' | 'REFUSED' | null;
  reason: Extract<OrderDecision, { outcome: 'REFUSED' }>['reason'] | null;
  refused_lines: Extract<OrderDecision, { outcome: 'REFUSED' }>['lines'] | null;
  state: StockOrderState;
}

/** Raised when another transaction decided an order of this batch first; the message is retried and then answered from that decision. */
export class ConcurrentDecisionError extends Error {}

/**
 * The order saga's stock side (ADR 0014): reserves batches of orders wholly or not at all, commits
 * a reservation when the order is paid and releases it when the order is voided.
 */
@Injectable()
export class StockReservationsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly outbox: Outbox,
    private readonly options: OptionStock,
  ) {}

  /**
   * Decides one order.batch.placed in the caller's transaction: locks every option involved once
   * (id order), decides in memory in batch order, writes decisions, reservation lines and held
   * counts in a few set-based statements, announces availability per option and answers with one
   * stock.batch.reserved. Orders decided before (a re-sent batch) keep their decision.
   */
  async reserveBatch(em: EntityManager, batch: BatchPlaced): Promise<void> {
    const now = this.clock.now();
    const locked = await this.options.lock(em, batch.orders.flatMap((o) => o.lines.map((l) => l.optionId)));
    // Read after the locks: a concurrent batch for the same orders has committed by now.
    const orderIds = [...new Set(batch.orders.map((o) => o.orderId))];
    const existing: StockOrderRow[] = await em.query(`SELECT order_id, outcome, reason, refused_lines, state FROM stock_orders WHERE order_id = ANY($1::uuid[])`, [orderIds]);
    const prior = new Map(existing.map((r) => [r.order_id, decisionOf(r)]));
    const available = new Map<string, LockedOption>([...locked.values()].map((o) => [o.id, { id: o.id, available: o.stock - o.held, sellable: o.sellable }]));
    const { decisions, reserved, heldByOption } = allocate(batch.orders, available, prior);

    const fresh = uniqueBy(decisions, (d) => d.orderId).filter((d) => !prior.has(d.orderId));
    await this.insertDecisions(em, batch.batchId, fresh, now);
    const lines = reserved.flatMap((o) => o.lines.map((l) => ({ orderId: o.orderId, ...l, option: lockedOption(locked, l.optionId) })));
    if (lines.length > 0) {
      await em.query(
        `INSERT INTO stock_reservations (order_id, line_id, option_id, product_id, partner_id, quantity, status, created_at, updated_at)
         SELECT d.order_id, d.line_id, d.option_id, d.product_id, d.partner_id, d.quantity, 'HELD', $7, $7
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::int[]) AS d(order_id, line_id, option_id, product_id, partner_id, quantity)`,
        [lines.map((l) => l.orderId), lines.map((l) => l.lineId), lines.map((l) => l.optionId), lines.map((l) => l.option.productId), lines.map((l) => l.option.partnerId), lines.map((l) => l.quantity), now],
      );
    }
    const deltas: OptionDelta[] = [...heldByOption].map(([id, held]) => ({ id, stock: 0, held }));
    await this.options.apply(em, deltas, locked, now, true);

    await this.outbox.add(em, stockBatchReserved, {
      aggregateId: batch.batchId,
      aggregateVersion: 1,
      payload: { batchId: batch.batchId, results: uniqueBy(decisions, (d) => d.orderId), decidedAt: now.toISOString() },
    });
  }

  /**
   * Releases the order's held reservation (order.voided). Releasing a committed, released or
   * refused order changes nothing; voiding an order never placed leaves a tombstone so a batch that
   * arrives later holds nothing for it.
   */
  async release(em: EntityManager, orderId: string): Promise<void> {
    const now = this.clock.now();
    const order = await this.lockOrder(em, orderId);
    if (!order) {
      await this.insertTombstone(em, orderId, null, 'VOIDED', now);
      return;
    }
    if (order.state !== 'HELD') return;
    const held = await this.heldLines(em, orderId);
    const locked = await this.options.lock(em, held.map((l) => l.option_id));
    await em.query(`UPDATE stock_reservations SET status = 'RELEASED', updated_at = $2 WHERE order_id = $1 AND status = 'HELD'`, [orderId, now]);
    await this.options.apply(em, sumBy(held, (q) => ({ stock: 0, held: -q })), locked, now, true);
    await em.query(`UPDATE stock_orders SET state = 'RELEASED', updated_at = $2 WHERE order_id = $1`, [orderId, now]);
  }

  /**
   * Commits the order's reservation on payment (held → committed, on hand decremented; availability
   * is unchanged, so nothing is announced). A paid order without a held reservation is never lost:
   * it takes what stock is available for its lines, warns, and reports `stockReserved: false`.
   * Committing twice changes nothing.
   */
  async commit(em: EntityManager, orderId: string, lines: ReadonlyArray<{ optionId: string; quantity: number }>): Promise<{ stockReserved: boolean }> {
    const now = this.clock.now();
    const order = await this.lockOrder(em, orderId);
    if (order?.state === 'HELD') {
      const held = await this.heldLines(em, orderId);
      const locked = await this.options.lock(em, held.map((l) => l.option_id));
      await em.query(`UPDATE stock_reservations SET status = 'COMMITTED', updated_at = $2 WHERE order_id = $1 AND status = 'HELD'`, [orderId, now]);
      await this.options.apply(em, sumBy(held, (q) => ({ stock: -q, held: -q })), locked, now, false);
      await em.query(`UPDATE stock_orders SET state = 'COMMITTED', updated_at = $2 WHERE order_id = $1`, [orderId, now]);
      return { stockReserved: true };
    }
    if (order?.state === 'COMMITTED') {
      const [{ reserved }] = await em.query(`SELECT EXISTS (SELECT 1 FROM stock_reservations WHERE order_id = $1 AND status = 'COMMITTED') AS reserved`, [orderId]);
      return { stockReserved: reserved };
    }

    // Paid without a held reservation (never placed, refused, or voided before the charge settled).
    const wanted = sumBy(lines.map((l) => ({ option_id: l.optionId, quantity: l.quantity })), (q) => ({ stock: q, held: 0 }));
    const locked = await this.options.lock(em, wanted.map((w) => w.id));
    const taken = wanted.flatMap((w) => {
      const o = locked.get(w.id);
      return o ? [{ id: w.id, stock: -Math.min(w.stock, Math.max(0, o.stock - o.held)), held: 0, wanted: w.stock }] : [];
    });
    this.logger.warn(
      { orderId, state: order?.state ?? null, shortfall: wanted.map((w) => ({ optionId: w.id, wanted: w.stock, taken: -(taken.find((t) => t.id === w.id)?.stock ?? 0) })) },
      'order.paid for an order without a held reservation: routing it anyway and taking what stock is available',
    );
    await this.options.apply(em, taken, locked, now, true);
    if (order) await em.query(`UPDATE stock_orders SET state = 'COMMITTED', updated_at = $2 WHERE order_id = $1`, [orderId, now]);
    else await this.insertTombstone(em, orderId, 'RESERVED', 'COMMITTED', now);
    return { stockReserved: false };
  }

  /**
   * Puts the units of cancelled paid orders back on hand (stock += quantity; their reservations
   * were committed, so nothing is held) and announces each option's new availability. Options that
   * no longer exist are skipped. Locks in option id order like every stock writer (ADR 0014).
   */
  async restock(em: EntityManager, lines: ReadonlyArray<{ optionId: string; quantity: number }>): Promise<void> {
    const deltas = sumBy(
      lines.map((l) => ({ option_id: l.optionId, quantity: l.quantity })),
      (q) => ({ stock: q, held: 0 }),
    );
    const locked = await this.options.lock(em, deltas.map((d) => d.id));
    await this.options.apply(
      em,
      deltas.filter((d) => locked.has(d.id)),
      locked,
      this.clock.now(),
      true,
    );
  }

  private async lockOrder(em: EntityManager, orderId: string): Promise<StockOrderRow | null> {
    const [row] = (await em.query(`SELECT order_id, outcome, reason, refused_lines, state FROM stock_orders WHERE order_id = $1 FOR UPDATE`, [orderId])) as StockOrderRow[];
    return row ?? null;
  }

  private heldLines(em: EntityManager, orderId: string): Promise<Array<{ option_id: string; quantity: number }>> {
    return em.query(`SELECT option_id, quantity FROM stock_reservations WHERE order_id = $1 AND status = 'HELD'`, [orderId]);
  }

  private async insertDecisions(em: EntityManager, batchId: string, decisions: OrderDecision[], now: Date): Promise<void> {
    if (decisions.length === 0) return;
    const refused = (d: OrderDecision) => (d.outcome === 'REFUSED' ? d : null);
    const refusedLines = (d: OrderDecision) => {
      const r = refused(d);
      return r ? JSON.stringify(r.lines) : null;
    };
    const inserted: unknown[] = await em.query(
      `INSERT INTO stock_orders (order_id, batch_id, outcome, reason, refused_lines, state, decided_at, updated_at)
       SELECT d.order_id, $5::uuid, d.outcome, d.reason, d.refused_lines, CASE d.outcome WHEN 'RESERVED' THEN 'HELD' ELSE 'REFUSED' END, $6, $6
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS d(order_id, outcome, reason, refused_lines)
           ON CONFLICT (order_id) DO NOTHING
       RETURNING order_id`,
      [
        decisions.map((d) => d.orderId),
        decisions.map((d) => d.outcome),
        decisions.map((d) => refused(d)?.reason ?? null),
        decisions.map(refusedLines),
        batchId,
        now,
      ],
    );
    // Another batch decided one of these orders between our read and our insert (only possible for
    // orders with no lockable option): roll back and let the retry answer from its decision.
    if (inserted.length !== decisions.length) throw new ConcurrentDecisionError(`another batch decided ${decisions.length - inserted.length} of these orders concurrently`);
  }

  private async insertTombstone(em: EntityManager, orderId: string, outcome: 'RESERVED' | null, state: StockOrderState, now: Date): Promise<void> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO stock_orders (order_id, batch_id, outcome, reason, refused_lines, state, decided_at, updated_at) VALUES ($1, NULL, $2, NULL, NULL, $3, $4, $4) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, outcome, state, now],
    );
    if (inserted.length === 0) throw new ConcurrentDecisionError(`order ${orderId} was decided concurrently`);
  }
}

/** The decision already recorded for an order, as stock.batch.reserved states it. */
function decisionOf(r: StockOrderRow): OrderDecision {
  if (r.outcome === 'REFUSED' && r.reason) return { orderId: r.order_id, outcome: 'REFUSED', reason: r.reason, lines: r.refused_lines ?? [] };
  // A tombstone of order.voided before any batch: nothing may be held for it any more.
  if (r.outcome === null) return { orderId: r.order_id, outcome: 'REFUSED', reason: 'ORDER_VOIDED', lines: [] };
  return { orderId: r.order_id, outcome: 'RESERVED' };
}

/** Options of reserved lines were all locked (allocate reserves nothing else). */
function lockedOption(locked: ReadonlyMap<string, LockedOptionRow>, id: string): LockedOptionRow {
  const o = locked.get(id);
  if (!o) throw new Error(`option ${id} was reserved without being locked`);
  return o;
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(key(t)) && seen.add(key(t)) !== undefined);
}

/** Sums quantities per option into deltas. */
function sumBy(lines: ReadonlyArray<{ option_id: string; quantity: number }>, delta: (quantity: number) => { stock: number; held: number }): OptionDelta[] {
  const total = new Map<string, number>();
  for (const l of lines) total.set(l.option_id, (total.get(l.option_id) ?? 0) + l.quantity);
  return [...total].map(([id, q]) => ({ id, ...delta(q) }));
}
