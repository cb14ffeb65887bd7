import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MessageEnvelope } from '@roastery/contracts';

/** One event waiting for (or done with) publication; written in the same transaction as the change it announces. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['createdAt'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** The envelope id, so a republished row keeps the id consumers de-duplicate on. */
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'outbox_pkey' })
  id: string;

  @Column('text')
  type: string;

  @Column('text', { name: 'routing_key' })
  routingKey: string;

  @Column('jsonb')
  envelope: MessageEnvelope;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('integer', { name: 'publish_attempts', default: 0 })
  publishAttempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}
