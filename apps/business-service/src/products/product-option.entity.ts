import type { Grind } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One option a product has ever had, with its stock. The id is what subscriptions point at: it is
 * never reused, and once retired it never returns to a version.
 */
@Entity('product_options')
export class ProductOptionRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('int', { name: 'weight_grams' }) weightGrams: number;
  @Column('text') grind: Grind;
  /** Units on hand not yet sold to a paid order; never below zero or below `held` (CHECKs). Not versioned, not reviewed. */
  @Column('int') stock: number;
  /** Units held for orders awaiting payment (ADR 0014): available = stock − held. */
  @Column('int', { default: 0 }) held: number;
  /** Grows by one with every stock change of this option, starting at 1 with the starting stock. */
  @Column('int', { name: 'stock_version' }) stockVersion: number;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
