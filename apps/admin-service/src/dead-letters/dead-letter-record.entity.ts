import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message some service gave up on, kept for an admin to inspect and replay. */
@Entity('dead_letters')
export class DeadLetterRecord {
  @PrimaryColumn('uuid') id: string;
  /** Same letter collected twice (a crash before the ack) is stored once. */
  @Column('text', { name: 'dedupe_key' }) dedupeKey: string;
  @Column('text') queue: string;
  @Column('text', { name: 'original_queue' }) originalQueue: string;
  @Column('uuid', { name: 'message_id', nullable: true }) messageId: string | null;
  @Column('text', { nullable: true }) type: string | null;
  @Column('text') body: string;
  @Column('jsonb', { nullable: true }) envelope: Record<string, unknown> | null;
  @Column('text') reason: string;
  @Column('text') handler: string;
  @Column('int') attempt: number;
  @Column('timestamptz', { name: 'failed_at' }) failedAt: Date;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('timestamptz', { name: 'replayed_at', nullable: true }) replayedAt: Date | null;
  @Column('int', { name: 'replay_count' }) replayCount: number;
}
