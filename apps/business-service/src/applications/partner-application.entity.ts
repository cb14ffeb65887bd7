import type { ApplicationStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** An account's application to sell. The payout account is stored only encrypted. */
@Entity('partner_applications')
export class PartnerApplication {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'applicant_user_id' }) applicantUserId: string;
  @Column('text') status: ApplicationStatus;
  @Column('text', { name: 'business_name' }) businessName: string;
  @Column('text', { name: 'registration_number' }) registrationNumber: string;
  /** Personal data (the representative's name, phone and e-mail). */
  @Column('text') representative: string;
  @Column('text') phone: string;
  @Column('text') email: string;
  @Column('text', { name: 'payout_bank' }) payoutBank: string;
  /** AES-256-GCM ciphertext with its key id (see @roastery/crypto), bound to this row's id. */
  @Column('text', { name: 'payout_account_enc' }) payoutAccountEnc: string;
  @Column('text', { name: 'payout_account_last4' }) payoutAccountLast4: string;
  @Column('int') attempt: number;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('uuid', { name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @VersionColumn() version: number;
}
