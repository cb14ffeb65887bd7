import type { ApplicationFinding, ApplicationStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** admin-service's copy of a partner application, built from events, with the review outcome. */
@Entity('application_reviews')
export class ApplicationReview {
  /** The application id (business-service's). */
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'applicant_user_id' }) applicantUserId: string;
  @Column('text') status: ApplicationStatus;
  @Column('text', { name: 'business_name' }) businessName: string;
  @Column('text', { name: 'registration_number' }) registrationNumber: string;
  @Column('text') representative: string;
  @Column('text') phone: string;
  @Column('text') email: string;
  @Column('text', { name: 'payout_bank' }) payoutBank: string;
  @Column('text', { name: 'payout_account_last4' }) payoutAccountLast4: string;
  @Column('int') attempt: number;
  @Column('jsonb') findings: ApplicationFinding[];
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @VersionColumn() version: number;
}
