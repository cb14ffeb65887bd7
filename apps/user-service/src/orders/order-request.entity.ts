import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrderRequestKind = 'CANCEL' | 'RETURN';
export type OrderRequestStatus = 'OPEN' | 'CANCELLED' | 'REFUSED' | 'RETURNED';

/** A subscriber's cancellation or return request and its outcome (at most one open of each kind per order). */
@Entity('order_requests')
export class OrderRequest {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') kind: OrderRequestKind;
  @Column('text') status: OrderRequestStatus;
  @Column('text') reason: string;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
