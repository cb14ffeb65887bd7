import { TossUsageError, type TossOperation } from './errors';

/** Options every call accepts. */
export interface TossCallOptions {
  /** Forces a Toss error in test mode (`TossPayments-Test-Code`); live keys ignore it. */
  testCode?: string;
  /** Aborting a mutation makes its outcome unknown, like a timeout. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

/** Options of a POST: the caller supplies the Idempotency-Key and persists it before calling. */
export interface TossMutationOptions extends TossCallOptions {
  idempotencyKey: string;
}

/** Body of `POST /v1/billing/authorizations/issue`. */
export interface IssueBillingKeyInput {
  /** One-time key from the billing-auth window's successUrl. */
  authKey: string;
  /** Must equal the customerKey given to the window. */
  customerKey: string;
}

/** Body of `POST /v1/billing/{billingKey}` (amounts in integer won). */
export interface ChargeBillingKeyInput {
  customerKey: string;
  amount: number;
  /** 6–64 chars of `[A-Za-z0-9_-]`, unique per order; choose it before calling so it can be looked up. */
  orderId: string;
  orderName: string;
  customerEmail?: string;
  customerName?: string;
  customerIp?: string;
  taxFreeAmount?: number;
  taxExemptionAmount?: number;
  cardInstallmentPlan?: number | null;
}

/** Body of `POST /v1/payments/{paymentKey}/cancel`; omit cancelAmount for a full cancel of the balance. */
export interface CancelPaymentInput {
  cancelReason: string;
  cancelAmount?: number;
  /** Our view of the current balance; Toss refuses (NOT_MATCHES_REFUNDABLE_AMOUNT) when it differs. */
  refundableAmount?: number;
  taxFreeAmount?: number;
  currency?: string;
}

/** Query of `GET /v1/transactions`: local KST times `yyyy-MM-dd'T'HH:mm:ss` (or a date), no zone suffix. */
export interface ListTransactionsQuery {
  startDate: string;
  endDate: string;
  /** A transactionKey: return rows after it. */
  startingAfter?: string;
  /** 1–5000, Toss's default 100. */
  limit?: number;
}

/** Query of `GET /v1/settlements`: dates `yyyy-MM-dd`. */
export interface ListSettlementsQuery {
  startDate: string;
  endDate: string;
  dateType?: 'soldDate' | 'paidOutDate';
  /** 1-based. */
  page?: number;
  /** 1–5000, Toss's default 100. */
  size?: number;
}

/** Toss's orderId rule: 6–64 characters of letters, digits, `-` and `_`. */
export const TOSS_ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

/** True when an orderId satisfies Toss's rule (callers derive orderIds and can check them early). */
export function isValidTossOrderId(orderId: string): boolean {
  return TOSS_ORDER_ID_PATTERN.test(orderId);
}

/** Refuses to send a POST without a usable Idempotency-Key (Toss allows at most 300 characters). */
export function requireIdempotencyKey(operation: TossOperation, key: string | undefined): string {
  if (typeof key !== 'string' || key.length === 0) throw new TossUsageError(operation, 'an Idempotency-Key is required on every POST');
  if (key.length > 300) throw new TossUsageError(operation, 'the Idempotency-Key is longer than 300 characters');
  return key;
}

/** Refuses amounts that are not integer won (Toss would accept them, our ledger must not). */
export function requireWon(operation: TossOperation, field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) throw new TossUsageError(operation, `${field} must be a non-negative integer amount of won`);
}

/** Refuses a path parameter that would be empty once placed in the URL. */
export function requirePathParam(operation: TossOperation, field: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TossUsageError(operation, `${field} is required`);
  return encodeURIComponent(value);
}

/** Refuses timestamps with a zone suffix (Toss answers INVALID_DATE) and malformed dates. */
export function requireLocalDateTime(operation: TossOperation, field: string, value: string, dateOnly: boolean): void {
  const pattern = dateOnly ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?)?$/;
  if (!pattern.test(value)) {
    throw new TossUsageError(operation, `${field} must be ${dateOnly ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm:ss (KST, no zone)"}`);
  }
}

/** Formats an instant as Toss's zone-less KST local time, for transaction queries. */
export function toKstLocalDateTime(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 19);
}

/** Formats an instant as its KST calendar date, for settlement queries. */
export function toKstDate(instant: Date): string {
  return toKstLocalDateTime(instant).slice(0, 10);
}
