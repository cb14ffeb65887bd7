import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The shared sandbox clock's offset from wall time: one row, the durable truth behind Redis. */
@Entity('clock_state')
export class ClockState {
  @PrimaryColumn('smallint') id: number;
  @Column('bigint', { name: 'offset_ms', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) offsetMs: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
