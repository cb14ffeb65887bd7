import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A notice to one account. Stored as kind + data and rendered when read; `dedupe_key` makes a
 * retried producer step insert it once. `created_at` comes from the shared clock, not the database.
 */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') kind: string;
  @Column('jsonb') data: Record<string, unknown>;
  @Column('text', { name: 'dedupe_key' }) dedupeKey: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
