import { inspect } from 'node:util';
import type { TossErrorCategory } from './error-classification';

/** The client operation that failed, named without any key or card data. */
export type TossOperation =
  | 'billing.issue'
  | 'billing.charge'
  | 'billing.delete'
  | 'payments.get'
  | 'payments.getByOrderId'
  | 'payments.cancel'
  | 'transactions.list'
  | 'settlements.list';

/** Safe, serialisable facts about a failed call (what toJSON and logs show). */
export interface TossErrorDetails {
  name: string;
  message: string;
  category: TossErrorCategory;
  operation: TossOperation;
  code?: string;
  httpStatus?: number;
  traceId?: string;
  idempotencyKey?: string;
  reason?: string;
}

/**
 * Base of every error the client throws. It carries only safe fields: no secret key, billing
 * key, authKey or card data (messages are scrubbed, and the raw fetch error is not kept as `cause`).
 */
export abstract class TossError extends Error {
  abstract readonly category: TossErrorCategory;

  protected constructor(
    message: string,
    readonly operation: TossOperation,
    readonly idempotencyKey: string | undefined,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** True when the operation may have taken effect: resolve by lookup or by re-sending the same key. */
  get outcomeUnknown(): boolean {
    return this.category === 'outcome_unknown';
  }

  /** True for hard and soft declines (the card was refused, nothing was charged). */
  get isDecline(): boolean {
    return this.category === 'hard_decline' || this.category === 'soft_decline';
  }

  /** The safe fields, for structured logs and JSON. */
  toJSON(): TossErrorDetails {
    return { name: this.name, message: this.message, category: this.category, operation: this.operation, idempotencyKey: this.idempotencyKey };
  }

  [inspect.custom](): string {
    return `${this.name} ${inspect(this.toJSON())}\n${(this.stack ?? '').split('\n').slice(1).join('\n')}`;
  }
}

/** What Toss said when it refused a call. */
export interface TossApiErrorInit {
  operation: TossOperation;
  code: string;
  httpStatus: number;
  tossMessage: string;
  category: TossErrorCategory;
  knownCode: boolean;
  idempotencyKey?: string;
  traceId?: string;
}

/** Toss answered with an error body `{code, message}`; `category` comes from the code. */
export class TossApiError extends TossError {
  readonly code: string;
  readonly httpStatus: number;
  readonly tossMessage: string;
  readonly category: TossErrorCategory;
  /** False when Toss sent a code this library does not know (classified by HTTP status). */
  readonly knownCode: boolean;
  readonly traceId?: string;

  constructor(init: TossApiErrorInit) {
    super(`Toss ${init.operation} failed with ${init.code} (HTTP ${init.httpStatus}): ${init.tossMessage}`, init.operation, init.idempotencyKey);
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.tossMessage = init.tossMessage;
    this.category = init.category;
    this.knownCode = init.knownCode;
    this.traceId = init.traceId;
  }

  /**
   * True when Toss has no such payment or billing key. After an unknown outcome, a lookup by
   * orderId that says so (once the original request is no longer in flight) means "not charged".
   */
  get isNotFound(): boolean {
    return this.code === 'NOT_FOUND_PAYMENT' || this.code === 'NOT_FOUND_BILLING' || this.code === 'NOT_FOUND';
  }

  override toJSON(): TossErrorDetails {
    return { ...super.toJSON(), code: this.code, httpStatus: this.httpStatus, traceId: this.traceId };
  }
}

/** Why a call ended without a trustworthy answer. */
export type OutcomeUnknownReason = 'timeout' | 'network' | 'aborted' | 'invalid_response';

/**
 * No trustworthy answer came back (timeout, connection lost, caller abort, unreadable 2xx body).
 * This is never a decline: the charge may have happened.
 */
export class TossOutcomeUnknownError extends TossError {
  readonly category = 'outcome_unknown' as const;

  constructor(
    operation: TossOperation,
    readonly reason: OutcomeUnknownReason,
    detail: string,
    idempotencyKey?: string,
    readonly httpStatus?: number,
  ) {
    super(`Toss ${operation} outcome unknown (${reason}): ${detail}`, operation, idempotencyKey);
  }

  override toJSON(): TossErrorDetails {
    return { ...super.toJSON(), reason: this.reason, httpStatus: this.httpStatus };
  }
}

/** The caller passed something the client refuses to send (e.g. no Idempotency-Key); nothing was sent. */
export class TossUsageError extends TossError {
  readonly category = 'bug' as const;

  constructor(operation: TossOperation, message: string) {
    super(`Toss ${operation} not sent: ${message}`, operation, undefined);
  }
}

/** Narrows an unknown thrown value to a TossError. */
export function isTossError(error: unknown): error is TossError {
  return error instanceof TossError;
}
