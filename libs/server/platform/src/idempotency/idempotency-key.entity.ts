import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a caller used on one route: claimed while the first request runs (until
 * `lockedUntil`), then holding the stored answer for replays. Written with plain SQL by
 * IdempotencyStore; mapped so services' DataSources and schema checks know the table.
 */
@Entity({ name: 'http_idempotency_keys' })
@Index('http_idempotency_keys_created_at_idx', ['createdAt'])
export class IdempotencyKeyRecord {
  @PrimaryColumn('text', { name: 'account_id', primaryKeyConstraintName: 'http_idempotency_keys_pkey' })
  accountId: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'http_idempotency_keys_pkey' })
  method: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'http_idempotency_keys_pkey' })
  path: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'http_idempotency_keys_pkey' })
  key: string;

  /** SHA-256 (hex) of the request body as canonical JSON. */
  @Column('text', { name: 'request_hash' })
  requestHash: string;

  /** Fencing token of the request that holds the key; a taken-over claim gets a new one. */
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @Column('timestamptz', { name: 'locked_until' })
  lockedUntil: Date;

  /** Null while the first request is still running. */
  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody: unknown;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}

/** The entities a service adds to its DataSource for HTTP idempotency keys. */
export const idempotencyEntities = [IdempotencyKeyRecord];
