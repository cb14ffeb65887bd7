import { Column, Entity, PrimaryColumn } from 'typeorm';

/** OPEN: listed (in review or approved); WITHDRAWN by its partner; MERGED into another product. */
export type ReviewedProductState = 'OPEN' | 'WITHDRAWN' | 'MERGED';

/**
 * admin-service's record of one partner product: enough to order its versions and to tell
 * whether it still counts as a listing (duplicate candidates, merge targets).
 */
@Entity('products')
export class ReviewedProduct {
  /** The product id (business-service's). */
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('text') state: ReviewedProductState;
  /** The newest submitted version seen; an older or equal one arriving later is stale. */
  @Column('int', { name: 'latest_version' }) latestVersion: number;
  @Column('timestamptz', { name: 'latest_submitted_at', nullable: true }) latestSubmittedAt: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto: string | null;
}
