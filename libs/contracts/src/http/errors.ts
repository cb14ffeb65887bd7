/** The error body every service answers with (API.md, "Conventions"). */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Stable, machine-readable error codes. Clients branch on these, never on messages. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'BODY_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'APPLICATION_ALREADY_OPEN'
  | 'ALREADY_PARTNER'
  | 'INVALID_STATE'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'OUT_OF_STOCK'
  | 'PAYMENT_DECLINED'
  | 'COUPON_SOLD_OUT'
  | 'CARD_REGISTRATION_FAILED'
  | 'PAYMENT_METHOD_IN_USE'
  | 'PAYMENT_PROVIDER_UNAVAILABLE'
  | 'COUPON_NOT_FOUND'
  | 'INSUFFICIENT_POINTS'
  | 'ITEM_UNAVAILABLE'
  | 'DATE_OUT_OF_BOUNDS'
  | 'REFUND_ABOVE_BALANCE'
  | 'REFUND_ABOVE_LIMIT'
  | 'INTERNAL';
