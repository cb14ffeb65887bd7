import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One admin decision: who did what to which object, and why. Append-only. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'actor_id' }) actorId: string;
  @Column('text') action: string;
  @Column('text', { name: 'target_type' }) targetType: string;
  @Column('text', { name: 'target_id' }) targetId: string;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('text', { name: 'correlation_id' }) correlationId: string;
  @Column('timestamptz') at: Date;
}
