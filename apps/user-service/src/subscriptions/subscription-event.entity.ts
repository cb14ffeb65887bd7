import { Column, Entity, PrimaryColumn } from 'typeorm';

/** CYCLE_SKIPPED (by the subscriber), PAUSED, RESUMED, CANCELLED, REACTIVATED, CHANGED. */
export type SubscriptionEventKind = 'CREATED' | 'CYCLE_SKIPPED' | 'PAUSED' | 'RESUMED' | 'CANCELLED' | 'REACTIVATED' | 'CHANGED';

/** The history of a subscription; a cycle the subscriber skipped is recorded here (it has no order). */
@Entity('subscription_events')
export class SubscriptionEvent {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId: string;
  @Column('text') kind: SubscriptionEventKind;
  @Column('integer', { nullable: true }) cycle: number | null;
  @Column('jsonb') data: Record<string, unknown>;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}
