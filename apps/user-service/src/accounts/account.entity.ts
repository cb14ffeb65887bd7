import type { Role } from '@roastery/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type AccountStatus = 'ACTIVE' | 'DELETED';

/**
 * An account. Personal data lives only in `email`, `name` and `phone`, so deleting an account can
 * anonymise exactly these columns and keep every transaction record that points at the id.
 */
@Entity('accounts')
export class Account {
  @PrimaryColumn('uuid') id: string;
  /** Personal data. Stored lower-cased; unique among live accounts. */
  @Column('text') email: string;
  /** Personal data. */
  @Column('text') name: string;
  /** Personal data. */
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text', { array: true }) roles: Role[];
  @Column('text') status: AccountStatus;
  /** Random Toss customerKey (a database default); billing keys are bound to it. */
  @Column({ type: 'text', name: 'toss_customer_key', insert: false, update: false }) tossCustomerKey: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
  @VersionColumn() version: number;
}
