import type { ProductContent, ProductOption, VersionStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The reviewed part of a product: content and options with prices, one row per version. */
@Entity('product_versions')
export class ProductVersion {
  @PrimaryColumn('uuid', { name: 'product_id' }) productId: string;
  @PrimaryColumn('int') version: number;
  @Column('text') status: VersionStatus;
  /** Everything a partner writes about the coffee, except options. Text is stored as given. */
  @Column('jsonb') content: ProductContent;
  /** The options on offer in this version (ids, weight, grind, price); stock is not versioned. */
  @Column('jsonb') options: ProductOption[];
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('uuid', { name: 'reviewer_id', nullable: true }) reviewerId: string | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  /** The admin's time of the last decision on this version; kept across review rounds to order decisions. */
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
