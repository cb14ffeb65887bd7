import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An account's membership of a partner organisation; tokens carry these partner ids. */
@Entity('partner_memberships')
export class PartnerMembership {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @PrimaryColumn('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('timestamptz', { name: 'granted_at' }) grantedAt: Date;
}
