import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One Idempotency-Key use, matched on (API key, method, path, key) and never on the body. */
@Entity('idempotency_records')
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'api_key_hash', type: 'text' })
  apiKeyHash: string;

  @PrimaryColumn({ type: 'text' })
  method: string;

  @PrimaryColumn({ type: 'text' })
  path: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** `in_flight` while the first request runs, then `done` with the stored answer. */
  @Column({ type: 'text' })
  state: 'in_flight' | 'done';

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: object | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
