/**
 * What a caller should do about a failed Toss call:
 * - `hard_decline`: the card or billing key is unusable; ask the customer for a new card.
 * - `soft_decline`: the card may work another day (limit, balance); retry on the dunning schedule.
 * - `transient`: Toss or the issuer hiccuped and nothing happened; retry soon.
 * - `bug`: our request, data or configuration is wrong; alert and do not retry as is.
 * - `outcome_unknown`: the operation may or may not have happened (timeout, lost response,
 *   request still in flight, server failure during a mutation, orderId already used); resolve it
 *   by re-sending the same Idempotency-Key or by looking the payment up, never by a blind retry.
 */
export type TossErrorCategory = 'hard_decline' | 'soft_decline' | 'transient' | 'bug' | 'outcome_unknown';

// Codes come from TOSS.md §6; the class is implementer guidance (Toss publishes none).
const HARD_DECLINE = [
  'INVALID_STOPPED_CARD',
  'INVALID_REJECT_CARD',
  'INVALID_CARD_EXPIRATION',
  'INVALID_CARD_NUMBER',
  'INVALID_CARD_LOST_OR_STOLEN',
  'INVALID_BILL_KEY_REQUEST',
  'NOT_SUPPORTED_CARD_TYPE',
  'NOT_REGISTERED_CARD_COMPANY',
  'NOT_FOUND_BILLING',
  'BILLING_KEY_NOT_FOUND',
  'ALREADY_REMOVED_BILLING_KEY',
  'EXCEED_MAX_AUTH_COUNT',
  'FDS_ERROR',
  'INVALID_CARD_PASSWORD',
  'INVALID_CARD_IDENTITY',
  'INVALID_BIRTH_DAY_FORMAT',
] as const;

const SOFT_DECLINE = [
  'REJECT_CARD_PAYMENT',
  'REJECT_CARD_COMPANY',
  'REJECT_ACCOUNT_PAYMENT',
  'EXCEED_MAX_DAILY_PAYMENT_COUNT',
  'EXCEED_MAX_PAYMENT_AMOUNT',
  'EXCEED_MAX_AMOUNT',
  'EXCEED_MAX_ONE_DAY_AMOUNT',
  'EXCEED_MAX_ONE_DAY_WITHDRAW_AMOUNT',
  'EXCEED_MAX_ONE_TIME_WITHDRAW_AMOUNT',
] as const;

const TRANSIENT = ['PROVIDER_ERROR', 'FORBIDDEN_CONSECUTIVE_REQUEST', 'MAINTAINED_METHOD', 'TOO_MANY_REQUESTS'] as const;

/** Server-side failures: retryable for reads, an unknown outcome for mutations ("check status first"). */
const SERVER_FAILURE = [
  'FAILED_INTERNAL_SYSTEM_PROCESSING',
  'FAILED_CARD_COMPANY_RESPONSE',
  'FAILED_DB_PROCESSING',
  'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
  'UNKNOWN_PAYMENT_ERROR',
  'COMMON_ERROR',
  'UNKNOWN_ERROR',
  'FAILED_BILL_KEY_AUTH_CREATION',
  'FAILED_REFUND_PROCESS',
  'FAILED_PARTIAL_REFUND',
  'FAILED_METHOD_HANDLING_CANCEL',
  'FAILED_BILLING_AUTO_CANCEL',
] as const;

/** Codes that say "the earlier request may have succeeded": look it up before doing anything. */
const OUTCOME_CHECK = ['IDEMPOTENT_REQUEST_PROCESSING', 'DUPLICATED_ORDER_ID', 'ALREADY_PROCESSED_PAYMENT', 'DUPLICATED_REQUEST'] as const;

const BUG = [
  'NOT_MATCHES_CUSTOMER_KEY',
  'INVALID_REQUEST',
  'BELOW_MINIMUM_AMOUNT',
  'NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT',
  'INVALID_CARD_INSTALLMENT_PLAN',
  'NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN',
  'UNAUTHORIZED_KEY',
  'INVALID_API_KEY',
  'INCORRECT_BASIC_AUTH_FORMAT',
  'FORBIDDEN_REQUEST',
  'INVALID_IDEMPOTENCY_KEY',
  'INVALID_ORDER_ID',
  'INVALID_ORDER_NAME',
  'INVALID_DATE',
  'INVALID_TEST_CODE',
  'INVALID_CUSTOMER_KEY',
  'INVALID_EMAIL',
  'API_VERSION_UPDATE_NEEDED',
  'NOT_SUPPORTED_METHOD',
  'NOT_FOUND_PAYMENT',
  'NOT_FOUND_PAYMENT_SESSION',
  'NOT_FOUND',
  'NOT_MATCHES_REFUNDABLE_AMOUNT',
  'NOT_CANCELABLE_AMOUNT',
  'NOT_CANCELABLE_PAYMENT',
  'ALREADY_CANCELED_PAYMENT',
  'ALREADY_REFUND_PAYMENT',
  'NOT_ALLOWED_PARTIAL_REFUND',
  'NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT',
  'EXCEED_MAX_REFUND_DUE',
  'EXCEED_MAX_REFUND_AMOUNT',
  'EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT',
  'INVALID_REFUND_ACCOUNT_INFO',
  'INVALID_REFUND_ACCOUNT_NUMBER',
  'INVALID_BANK',
] as const;

const TABLE = new Map<string, TossErrorCategory | 'server_failure'>([
  ...HARD_DECLINE.map((c) => [c, 'hard_decline'] as const),
  ...SOFT_DECLINE.map((c) => [c, 'soft_decline'] as const),
  ...TRANSIENT.map((c) => [c, 'transient'] as const),
  ...SERVER_FAILURE.map((c) => [c, 'server_failure'] as const),
  ...OUTCOME_CHECK.map((c) => [c, 'outcome_unknown'] as const),
  ...BUG.map((c) => [c, 'bug'] as const),
]);

/** Whether this library knows the code (an unknown code is still classified, by HTTP status). */
export function isKnownTossErrorCode(code: string): boolean {
  return TABLE.has(code);
}

/**
 * Classifies a Toss error by its `code`, not the HTTP status (PROVIDER_ERROR is a 400, insufficient
 * funds a 403). The status matters only for codes this library does not know: 5xx is a server
 * failure, 409 an in-flight duplicate, 429 throttling, and any other 4xx a soft decline, which
 * is a definite failure that retries another day rather than burning the card or paging anyone.
 */
export function classifyTossError(code: string, httpStatus: number, mutation: boolean): TossErrorCategory {
  const known = TABLE.get(code);
  const kind = known ?? fromStatus(httpStatus);
  if (kind === 'server_failure') return mutation ? 'outcome_unknown' : 'transient';
  return kind;
}

function fromStatus(status: number): TossErrorCategory | 'server_failure' {
  if (status >= 500) return 'server_failure';
  if (status === 409) return 'outcome_unknown';
  if (status === 429) return 'transient';
  if (status === 401) return 'bug';
  return 'soft_decline';
}
