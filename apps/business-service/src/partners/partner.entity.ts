import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type PartnerStatus = 'ACTIVE' | 'SUSPENDED';

/** A partner roastery: an organisation whose members are accounts. */
@Entity('partners')
export class Partner {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'application_id' }) applicationId: string;
  @Column('text', { name: 'business_name' }) businessName: string;
  @Column('text', { name: 'registration_number' }) registrationNumber: string;
  @Column('text') status: PartnerStatus;
  @Column('text', { name: 'payout_bank' }) payoutBank: string;
  /** Re-encrypted for this row (the associated data is the partner id). */
  @Column('text', { name: 'payout_account_enc' }) payoutAccountEnc: string;
  @Column('text', { name: 'payout_account_last4' }) payoutAccountLast4: string;
  @Column('timestamptz', { name: 'activated_at' }) activatedAt: Date;
  /** When the last applied suspension or reinstatement happened (admin's time); orders those events. */
  @Column('timestamptz', { name: 'status_changed_at', nullable: true }) statusChangedAt: Date | null;
  /** The admin's reason for the last suspension or reinstatement. */
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @VersionColumn() version: number;
}
