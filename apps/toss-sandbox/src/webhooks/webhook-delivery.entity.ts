import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One webhook event and its delivery attempts to the configured URL. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'text' })
  url: string;

  @Column({ name: 'transmission_id', type: 'text' })
  transmissionId: string;

  /** `pending` until answered with 200, `failed` after the last retry. */
  @Column({ type: 'text' })
  status: 'pending' | 'delivered' | 'failed';

  /** Attempts made so far (the first send is attempt 1; retried-count is attempts − 1). */
  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
