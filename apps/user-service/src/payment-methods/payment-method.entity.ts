import { Column, CreateDateColumn, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** ACTIVE: usable. DELETING: removed by its owner, the Toss deletion not yet confirmed. DELETED: gone at Toss too. */
export type PaymentMethodStatus = 'ACTIVE' | 'DELETING' | 'DELETED';

/**
 * A card registered through Toss's billing-auth window. Only the billing key (encrypted) and what
 * Toss shows of the card are kept; card numbers never reach us.
 */
@Entity('payment_methods')
export class PaymentMethod {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') status: PaymentMethodStatus;
  /** AES-256-GCM token (`v1.kid.iv.tag.ct`) bound to the row id; null once deleted at Toss. */
  @Column('text', { name: 'billing_key_enc', nullable: true }) billingKeyEnc: string | null;
  /** Key id of billingKeyEnc, so rows sealed with a retired key can be found and re-encrypted. */
  @Column('text', { name: 'billing_key_kid', nullable: true }) billingKeyKid: string | null;
  /** SHA-256 of the billing key: recognises the same key again (retries, BILLING_DELETED) without decrypting. */
  @Column('text', { name: 'billing_key_digest' }) billingKeyDigest: string;
  @Column('text', { name: 'customer_key' }) customerKey: string;
  @Column('text', { name: 'card_company' }) cardCompany: string;
  @Column('text', { name: 'masked_number' }) maskedNumber: string;
  @Column('text', { name: 'card_type', nullable: true }) cardType: string | null;
  @Column('text', { name: 'owner_type', nullable: true }) ownerType: string | null;
  @Column('boolean', { name: 'is_default' }) isDefault: boolean;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
  @VersionColumn() version: number;
}
