import type { ProductFinding, ProductReviewStatus, ProductVersionContent, VersionDiffEntry } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One submitted product version in the review queue, with its findings and the decision. */
@Entity('product_reviews')
export class ProductReview {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  /** The product version under review; (productId, version) is unique. */
  @Column('int') version: number;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('text') status: ProductReviewStatus;
  @Column('jsonb') content: ProductVersionContent;
  /** The coffee-aware duplicate key of `content`. */
  @Column('text', { name: 'coffee_key' }) coffeeKey: string;
  @Column('jsonb') findings: ProductFinding[];
  /** Against the last approved content; empty for a first submission. */
  @Column('jsonb') diff: VersionDiffEntry[];
  @Column('boolean', { name: 'auto_approved' }) autoApproved: boolean;
  /** The rejection reason, or the approving admin's note. */
  @Column('text', { nullable: true }) reason: string | null;
  /** For MERGED: the product this submission was folded into. */
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto: string | null;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
}
