import { Injectable } from '@nestjs/common';
import { productStockChanged } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import type { EntityManager } from 'typeorm';

/** An option row locked for a stock change, with what decides whether it may be sold. */
export interface LockedOptionRow {
  id: string;
  productId: string;
  partnerId: string;
  stock: number;
  held: number;
  sellable: boolean;
}

/** How one option's counters move: positive adds, negative takes away. */
export interface OptionDelta {
  id: string;
  stock: number;
  held: number;
}

/**
 * Set-based reads and writes of option stock for the saga: every lock is taken in option id order
 * (ADR 0014), and every change is one statement whatever the number of options.
 */
@Injectable()
export class OptionStock {
  constructor(private readonly outbox: Outbox) {}

  /**
   * Locks the options FOR UPDATE in ascending id order — the one lock order every stock writer of
   * the saga follows, so concurrent batches never deadlock — and reads whether each may be sold:
   * partner active, product approved and on sale, option offered by the version on sale. Unknown
   * ids are simply absent. Product and partner rows are read, not locked: a withdrawal committing
   * during the batch counts as coming after it.
   */
  async lock(em: EntityManager, optionIds: readonly string[]): Promise<Map<string, LockedOptionRow>> {
    if (optionIds.length === 0) return new Map();
    const rows: Array<{ id: string; product_id: string; partner_id: string; stock: number; held: number; sellable: boolean }> = await em.query(
      `SELECT o.id, o.product_id, p.partner_id, o.stock, o.held,
              (pa.status = 'ACTIVE' AND p.status = 'APPROVED' AND EXISTS (
                 SELECT 1 FROM product_versions v
                  WHERE v.product_id = p.id AND v.version = p.on_sale_version
                    AND v.options @> jsonb_build_array(jsonb_build_object('id', o.id)))) AS sellable
         FROM product_options o
         JOIN products p ON p.id = o.product_id
         JOIN partners pa ON pa.id = p.partner_id
        WHERE o.id = ANY($1::uuid[])
        ORDER BY o.id
          FOR UPDATE OF o`,
      [[...new Set(optionIds)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, productId: r.product_id, partnerId: r.partner_id, stock: r.stock, held: r.held, sellable: r.sellable }]));
  }

  /**
   * Applies the deltas to locked options in one UPDATE … FROM unnest. When `announce`, options
   * whose availability (stock − held) changed get the next stockVersion and one
   * product.stock.changed each carrying the new availability.
   */
  async apply(em: EntityManager, deltas: readonly OptionDelta[], locked: ReadonlyMap<string, LockedOptionRow>, now: Date, announce: boolean): Promise<void> {
    const changed = deltas.filter((d) => d.stock !== 0 || d.held !== 0);
    if (changed.length === 0) return;
    const [rows] = (await em.query(
      `UPDATE product_options o
          SET stock = o.stock + d.stock, held = o.held + d.held, updated_at = $4,
              stock_version = o.stock_version + CASE WHEN $5::boolean AND d.stock <> d.held THEN 1 ELSE 0 END
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS d(id, stock, held)
        WHERE o.id = d.id
      RETURNING o.id, o.stock - o.held AS available, o.stock_version, d.stock <> d.held AS availability_changed`,
      [changed.map((d) => d.id), changed.map((d) => d.stock), changed.map((d) => d.held), now, announce],
    )) as [Array<{ id: string; available: number; stock_version: number; availability_changed: boolean }>, number];
    if (!announce) return;
    for (const r of rows) {
      if (!r.availability_changed) continue;
      const o = locked.get(r.id);
      if (!o) throw new Error(`option ${r.id} changed without being locked`);
      // The option is its own ordering unit: aggregateVersion is its stockVersion.
      await this.outbox.add(em, productStockChanged, {
        aggregateId: r.id,
        aggregateVersion: r.stock_version,
        payload: { productId: o.productId, partnerId: o.partnerId, optionId: r.id, stock: r.available, stockVersion: r.stock_version, changedAt: now.toISOString() },
      });
    }
  }
}
