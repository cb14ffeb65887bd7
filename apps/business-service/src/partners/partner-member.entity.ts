import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An account's membership of a partner; business-service authorises partner routes by this. */
@Entity('partner_members')
export class PartnerMember {
  @PrimaryColumn('uuid', { name: 'partner_id' }) partnerId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: 'OWNER' | 'STAFF';
  @Column('timestamptz', { name: 'joined_at' }) joinedAt: Date;
}
