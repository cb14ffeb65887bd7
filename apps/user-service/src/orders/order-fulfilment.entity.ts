import type { FulfilmentStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One partner's part of an order as business-service last reported it (`fulfilment.status.changed`, newest version wins). */
@Entity('order_fulfilments')
export class OrderFulfilment {
  @PrimaryColumn('uuid', { name: 'partner_order_id' }) partnerOrderId: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('text') status: FulfilmentStatus;
  @Column('integer') version: number;
  @Column('text', { nullable: true }) carrier: string | null;
  @Column('text', { name: 'tracking_number', nullable: true }) trackingNumber: string | null;
  @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
  @Column('timestamptz', { name: 'shipped_at', nullable: true }) shippedAt: Date | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
}
