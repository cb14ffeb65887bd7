import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrderDecision, RefusalReason } from './allocation.rules';

/** Where an order's stock stands: held for payment, committed by it, released, refused, or voided before it was placed. */
export type StockOrderState = 'HELD' | 'COMMITTED' | 'RELEASED' | 'REFUSED' | 'VOIDED';

/**
 * business-service's decision on one order of the saga (one row per order id, so a re-sent batch is
 * answered with the decision already taken) and the state of its reservation.
 */
@Entity('stock_orders')
export class StockOrder {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  /** The batch that decided it; null for a tombstone written by order.voided or order.paid before any batch. */
  @Column('uuid', { name: 'batch_id', nullable: true }) batchId: string | null;
  @Column('text', { nullable: true }) outcome: 'RESERVED' | 'REFUSED' | null;
  @Column('text', { nullable: true }) reason: RefusalReason | null;
  @Column('jsonb', { name: 'refused_lines', nullable: true }) refusedLines: Extract<OrderDecision, { outcome: 'REFUSED' }>['lines'] | null;
  @Column('text') state: StockOrderState;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
