import { inspect } from 'node:util';
import type { z } from 'zod';
import { tossBillingSchema, type TossBilling } from './billing.schema';
import { TossOutcomeUnknownError, type TossOperation } from './errors';
import { sendTossRequest, type TossLogger, type TossRequest, type TransportSettings } from './http-transport';
import { tossSettlementSchema, tossTransactionSchema, type TossSettlement, type TossTransaction } from './listing.schema';
import { tossPaymentSchema, type TossPayment } from './payment.schema';
import { keyMode } from './redact';
import {
  requireIdempotencyKey,
  requireLocalDateTime,
  requirePathParam,
  requireWon,
  type CancelPaymentInput,
  type ChargeBillingKeyInput,
  type IssueBillingKeyInput,
  type ListSettlementsQuery,
  type ListTransactionsQuery,
  type TossCallOptions,
  type TossMutationOptions,
} from './requests';

/** Per-kind deadlines in milliseconds. */
export interface TossTimeouts {
  /** Lookups and billing-key deletion. */
  readMs: number;
  /** Billing-key issue, charge and cancel: Toss says a billing charge can take up to 60 s. */
  mutationMs: number;
  /** Transactions and settlements listings, which Toss also says can take up to 60 s. */
  listingMs: number;
}

/** Everything the client needs; only `secretKey` is required. */
export interface TossClientOptions {
  /** `test_sk_…`/`live_sk_…` (or a widget `…_gsk_…`); sent as Basic auth, never logged or shown. */
  secretKey: string;
  /** Defaults to https://api.tosspayments.com (point it at the sandbox in development). */
  baseUrl?: string;
  timeouts?: Partial<TossTimeouts>;
  /** Defaults to Node's global fetch. */
  fetch?: typeof fetch;
  /** `en-US` switches Toss's messages and some enum spellings to English. */
  acceptLanguage?: 'ko-KR' | 'en-US';
  logger?: TossLogger;
}

/** Default deadlines: 65 s leaves a margin over Toss's documented 60 s for charges and listings. */
export const DEFAULT_TOSS_TIMEOUTS: TossTimeouts = { readMs: 30_000, mutationMs: 65_000, listingMs: 65_000 };

/** The Toss Payments core-API client for recurring card billing, lookups, cancels and reconciliation listings. */
export class TossClient {
  readonly baseUrl: string;
  readonly mode: 'test' | 'live' | 'unknown';
  readonly #timeouts: TossTimeouts;
  readonly #transport: TransportSettings;

  constructor(options: TossClientOptions) {
    if (!options.secretKey) throw new TypeError('TossClient needs a secret key');
    this.baseUrl = options.baseUrl ?? 'https://api.tosspayments.com';
    this.mode = keyMode(options.secretKey);
    this.#timeouts = { ...DEFAULT_TOSS_TIMEOUTS, ...options.timeouts };
    this.#transport = {
      baseUrl: this.baseUrl,
      // The trailing colon is required: the secret key is the user name, the password is empty.
      authorization: `Basic ${Buffer.from(`${options.secretKey}:`, 'utf8').toString('base64')}`,
      secretKey: options.secretKey,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      acceptLanguage: options.acceptLanguage,
      logger: options.logger,
    };
  }

  /** Exchanges the window's one-time authKey for a billing key bound to the customerKey. */
  async issueBillingKey(input: IssueBillingKeyInput, options: TossMutationOptions): Promise<TossBilling> {
    const op: TossOperation = 'billing.issue';
    const body = { authKey: input.authKey, customerKey: input.customerKey };
    return this.#send(op, tossBillingSchema, {
      ...this.#mutation(op, options),
      path: '/v1/billing/authorizations/issue',
      pathTemplate: '/v1/billing/authorizations/issue',
      body,
      secrets: [input.authKey],
    });
  }

  /** Charges a billing key once (synchronous approval, a BILLING payment with status DONE). */
  async chargeBillingKey(billingKey: string, input: ChargeBillingKeyInput, options: TossMutationOptions): Promise<TossPayment> {
    const op: TossOperation = 'billing.charge';
    for (const field of ['amount', 'taxFreeAmount', 'taxExemptionAmount'] as const) requireWon(op, field, input[field]);
    return this.#send(op, tossPaymentSchema, {
      ...this.#mutation(op, options),
      path: `/v1/billing/${requirePathParam(op, 'billingKey', billingKey)}`,
      pathTemplate: '/v1/billing/{billingKey}',
      body: dropUndefined({ ...input }),
      secrets: [billingKey],
      logContext: { orderId: input.orderId, amount: input.amount },
    });
  }

  /** Looks a payment up by its paymentKey. */
  async getPayment(paymentKey: string, options: TossCallOptions = {}): Promise<TossPayment> {
    const op: TossOperation = 'payments.get';
    return this.#send(op, tossPaymentSchema, {
      ...this.#read(op, options, this.#timeouts.readMs),
      path: `/v1/payments/${requirePathParam(op, 'paymentKey', paymentKey)}`,
      pathTemplate: '/v1/payments/{paymentKey}',
      logContext: { paymentKey },
    });
  }

  /** Looks a payment up by the orderId we chose: the way to resolve a charge whose outcome is unknown. */
  async getPaymentByOrderId(orderId: string, options: TossCallOptions = {}): Promise<TossPayment> {
    const op: TossOperation = 'payments.getByOrderId';
    return this.#send(op, tossPaymentSchema, {
      ...this.#read(op, options, this.#timeouts.readMs),
      path: `/v1/payments/orders/${requirePathParam(op, 'orderId', orderId)}`,
      pathTemplate: '/v1/payments/orders/{orderId}',
      logContext: { orderId },
    });
  }

  /** Cancels a payment fully (no cancelAmount) or partly; pass refundableAmount to guard against a stale balance. */
  async cancelPayment(paymentKey: string, input: CancelPaymentInput, options: TossMutationOptions): Promise<TossPayment> {
    const op: TossOperation = 'payments.cancel';
    for (const field of ['cancelAmount', 'refundableAmount', 'taxFreeAmount'] as const) requireWon(op, field, input[field]);
    return this.#send(op, tossPaymentSchema, {
      ...this.#mutation(op, options),
      path: `/v1/payments/${requirePathParam(op, 'paymentKey', paymentKey)}/cancel`,
      pathTemplate: '/v1/payments/{paymentKey}/cancel',
      body: dropUndefined({ ...input }),
      logContext: { paymentKey, cancelAmount: input.cancelAmount },
    });
  }

  /** Deletes a billing key at Toss (200 with an empty body); an Idempotency-Key is optional here. */
  async deleteBillingKey(billingKey: string, options: TossCallOptions & { idempotencyKey?: string } = {}): Promise<void> {
    const op: TossOperation = 'billing.delete';
    await sendTossRequest(this.#transport, {
      ...this.#read(op, options, this.#timeouts.readMs),
      method: 'DELETE',
      idempotencyKey: options.idempotencyKey === undefined ? undefined : requireIdempotencyKey(op, options.idempotencyKey),
      path: `/v1/billing/${requirePathParam(op, 'billingKey', billingKey)}`,
      pathTemplate: '/v1/billing/{billingKey}',
      secrets: [billingKey],
    });
  }

  /** Lists one page of transactions (approvals and cancels), oldest first. */
  async listTransactions(query: ListTransactionsQuery, options: TossCallOptions = {}): Promise<TossTransaction[]> {
    const op: TossOperation = 'transactions.list';
    requireLocalDateTime(op, 'startDate', query.startDate, false);
    requireLocalDateTime(op, 'endDate', query.endDate, false);
    return this.#sendList(op, tossTransactionSchema, {
      ...this.#read(op, options, this.#timeouts.listingMs),
      path: '/v1/transactions',
      pathTemplate: '/v1/transactions',
      query: { ...query },
    });
  }

  /** Walks every page of transactions, following the `startingAfter` cursor. */
  async *transactionPages(query: ListTransactionsQuery, options: TossCallOptions = {}): AsyncGenerator<TossTransaction[]> {
    const limit = query.limit ?? 100;
    let startingAfter = query.startingAfter;
    for (;;) {
      const page = await this.listTransactions({ ...query, limit, startingAfter }, options);
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (page.length < limit || !last) return;
      startingAfter = last.transactionKey;
    }
  }

  /** Lists one page of settlement rows (cancels appear as their own negative rows). */
  async listSettlements(query: ListSettlementsQuery, options: TossCallOptions = {}): Promise<TossSettlement[]> {
    const op: TossOperation = 'settlements.list';
    requireLocalDateTime(op, 'startDate', query.startDate, true);
    requireLocalDateTime(op, 'endDate', query.endDate, true);
    return this.#sendList(op, tossSettlementSchema, {
      ...this.#read(op, options, this.#timeouts.listingMs),
      path: '/v1/settlements',
      pathTemplate: '/v1/settlements',
      query: { ...query },
    });
  }

  /** Walks every page of settlements, incrementing `page` until a short page. */
  async *settlementPages(query: ListSettlementsQuery, options: TossCallOptions = {}): AsyncGenerator<TossSettlement[]> {
    const size = query.size ?? 100;
    for (let page = query.page ?? 1; ; page++) {
      const rows = await this.listSettlements({ ...query, size, page }, options);
      if (rows.length > 0) yield rows;
      if (rows.length < size) return;
    }
  }

  /** Shows the base URL and key mode only. */
  toString(): string {
    return `TossClient(${this.mode}, ${this.baseUrl})`;
  }

  /** Serialises without the secret key. */
  toJSON(): { baseUrl: string; mode: string } {
    return { baseUrl: this.baseUrl, mode: this.mode };
  }

  [inspect.custom](): string {
    return this.toString();
  }

  #mutation(op: TossOperation, options: TossMutationOptions): Pick<TossRequest, 'operation' | 'method' | 'idempotencyKey' | 'testCode' | 'timeoutMs' | 'signal'> {
    return {
      operation: op,
      method: 'POST',
      idempotencyKey: requireIdempotencyKey(op, options?.idempotencyKey),
      testCode: options.testCode,
      timeoutMs: options.timeoutMs ?? this.#timeouts.mutationMs,
      signal: options.signal,
    };
  }

  #read(op: TossOperation, options: TossCallOptions, timeoutMs: number): Pick<TossRequest, 'operation' | 'method' | 'testCode' | 'timeoutMs' | 'signal' | 'secrets'> {
    return { operation: op, method: 'GET', testCode: options.testCode, timeoutMs: options.timeoutMs ?? timeoutMs, signal: options.signal, secrets: [] };
  }

  async #send<T>(op: TossOperation, schema: z.ZodType<T>, req: Omit<TossRequest, 'secrets'> & { secrets?: TossRequest['secrets'] }): Promise<T> {
    const res = await sendTossRequest(this.#transport, { secrets: [], ...req });
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) throw unreadable(op, req.idempotencyKey, res.status, parsed.error.issues.length);
    return parsed.data;
  }

  async #sendList<T>(op: TossOperation, schema: z.ZodType<T>, req: TossRequest): Promise<T[]> {
    const res = await sendTossRequest(this.#transport, req);
    if (!Array.isArray(res.body)) throw unreadable(op, undefined, res.status, 1);
    return res.body.map((row) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) throw unreadable(op, undefined, res.status, parsed.error.issues.length);
      return parsed.data;
    });
  }
}

// A 2xx we cannot read may still mean the charge happened, so it is an unknown outcome, not a failure.
function unreadable(op: TossOperation, idempotencyKey: string | undefined, status: number, issues: number): TossOutcomeUnknownError {
  return new TossOutcomeUnknownError(op, 'invalid_response', `the ${status} body does not match the expected shape (${issues} issue(s))`, idempotencyKey, status);
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

