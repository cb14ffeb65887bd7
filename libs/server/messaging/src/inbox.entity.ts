import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Records that a handler applied a message, so a redelivery of the same id becomes a no-op. */
@Entity({ name: 'inbox' })
export class InboxEntry {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'inbox_pkey' })
  handler: string;

  @PrimaryColumn('uuid', { name: 'message_id', primaryKeyConstraintName: 'inbox_pkey' })
  messageId: string;

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt: Date;
}
