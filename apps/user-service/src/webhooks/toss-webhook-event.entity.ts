import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A Toss webhook as received, kept until handled. Toss retries a delivery it thinks failed, with the
 * same transmission id, so that id makes receiving idempotent.
 */
@Entity('toss_webhook_events')
export class TossWebhookEvent {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'transmission_id' }) transmissionId: string;
  @Column('text', { name: 'event_type' }) eventType: string;
  @Column('jsonb') body: unknown;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('timestamptz', { name: 'handled_at', nullable: true }) handledAt: Date | null;
  @Column('integer') attempts: number;
  /** What handling did, e.g. `PAYMENT_SYNCED`, `CARD_DELETED`, `IGNORED`. */
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
}
