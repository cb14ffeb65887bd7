import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CardOutcome, StoredCard } from './test-cards';

/** A billing key, bound to the customerKey it was issued to. */
@Entity('billing_keys')
export class BillingKeyEntity {
  @PrimaryColumn({ name: 'billing_key', type: 'text' })
  billingKey: string;

  @Column({ name: 'customer_key', type: 'text' })
  customerKey: string;

  @Column({ type: 'jsonb' })
  card: StoredCard;

  @Column({ name: 'authenticated_at', type: 'timestamptz' })
  authenticatedAt: Date;

  /** The outcome of every charge unless one is queued. */
  @Column({ type: 'text' })
  outcome: CardOutcome;

  /** One-shot outcomes used, in order, before `outcome`. */
  @Column({ name: 'queued_outcomes', type: 'jsonb' })
  queuedOutcomes: CardOutcome[];

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
