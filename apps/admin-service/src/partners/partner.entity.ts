import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** A partner's standing on the platform. */
export type PartnerStatus = 'ACTIVE' | 'SUSPENDED';

/**
 * admin-service's read model of a partner (fed by `partner.activated`) plus what only admins decide:
 * suspension and the "trusted" switch.
 */
@Entity('partners')
export class Partner {
  /** The partner id (business-service's). */
  @PrimaryColumn('uuid') id: string;
  /** The business name; empty until `partner.activated` arrives (a product can be delivered first). */
  @Column('text') name: string;
  @Column('text') status: PartnerStatus;
  /** Small edits by a trusted partner skip review. */
  @Column('boolean') trusted: boolean;
  /** Why the partner was last suspended or reinstated. */
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('timestamptz', { name: 'activated_at', nullable: true }) activatedAt: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  /** Orders this partner's own events (partner.suspended / partner.reinstated). */
  @VersionColumn() version: number;
}
