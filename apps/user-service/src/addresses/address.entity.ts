import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A subscriber's shipping address. Personal data lives only in `label`, `recipient`, `phone`,
 * `postal_code`, `line1` and `line2`; orders keep their own copy (the ship-to), so erasing an
 * account's addresses never touches an order.
 */
@Entity('addresses')
export class Address {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  /** Personal data. */
  @Column('text', { nullable: true }) label: string | null;
  /** Personal data. */
  @Column('text') recipient: string;
  /** Personal data. Digits only. */
  @Column('text') phone: string;
  /** Personal data. */
  @Column('text', { name: 'postal_code' }) postalCode: string;
  /** Personal data. */
  @Column('text') line1: string;
  /** Personal data. */
  @Column('text') line2: string;
  @Column('boolean', { name: 'is_default' }) isDefault: boolean;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
