import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredCard } from './test-cards';

/** A one-time authKey handed to successUrl by the billing-auth window. */
@Entity('auth_keys')
export class AuthKeyEntity {
  @PrimaryColumn({ name: 'auth_key', type: 'text' })
  authKey: string;

  @Column({ name: 'customer_key', type: 'text' })
  customerKey: string;

  @Column({ type: 'jsonb' })
  card: StoredCard;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** The billing key it was exchanged for (returned again only when authKeys are reusable). */
  @Column({ name: 'billing_key', type: 'text', nullable: true })
  billingKey: string | null;
}
