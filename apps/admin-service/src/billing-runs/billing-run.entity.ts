import type { BillingRunCounts, BillingRunStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One billing run of user-service's engine as admin-service tracks it: requested here (or first
 * heard of in a progress message) and kept at the latest progress user-service reported.
 */
@Entity('billing_runs')
export class BillingRun {
  /** The run id; user-service reports under the same id. */
  @PrimaryColumn('uuid') id: string;
  @Column('text') status: BillingRunStatus;
  /** The admin who asked; null for a run this service only heard of through its progress. */
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('timestamptz', { name: 'requested_at', nullable: true }) requestedAt: Date | null;
  /** The request's Idempotency-Key, unique per admin (ADR 0013, layer 2). */
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey: string | null;
  /** The sequence of the progress applied last; a message with a sequence not above it is stale. */
  @Column('integer', { nullable: true }) sequence: number | null;
  /** The Seoul date the run billed up to (YYYY-MM-DD). */
  @Column('date', { name: 'business_date', nullable: true }) businessDate: string | null;
  @Column('jsonb') counts: BillingRunCounts;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('text', { nullable: true }) error: string | null;
  /** When this service first recorded the run (business time); lists sort on it. */
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
