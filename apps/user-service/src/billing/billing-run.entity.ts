import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A billing run asked for over RabbitMQ (`billing.run.requested`), and how far it got. */
@Entity('billing_runs')
export class BillingRun {
  @PrimaryColumn('uuid', { name: 'run_id' }) runId: string;
  @Column('text') status: 'REQUESTED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  @Column('date', { name: 'business_date' }) businessDate: string;
  /** The sequence of the last progress message sent. */
  @Column('integer') sequence: number;
  @Column('integer') claimed: number;
  @Column('integer', { name: 'orders_placed' }) ordersPlaced: number;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('text', { nullable: true }) error: string | null;
}
