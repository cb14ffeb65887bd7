import { classifyTossError, isKnownTossErrorCode } from './error-classification';
import { TossApiError, TossOutcomeUnknownError, type TossOperation } from './errors';
import { scrub } from './redact';

/** The subset of a pino-style logger the client writes to; entries never hold keys or card data. */
export interface TossLogger {
  debug(entry: object, message: string): void;
  warn(entry: object, message: string): void;
}

/** One HTTP exchange with Toss, described with both the real path and a loggable template. */
export interface TossRequest {
  operation: TossOperation;
  method: 'GET' | 'POST' | 'DELETE';
  /** The real path; may contain a billing key, so it is never logged or put in an error. */
  path: string;
  /** The path with placeholders (`/v1/billing/{billingKey}`), safe to log. */
  pathTemplate: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  testCode?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Values to scrub from any text that reaches an error or a log. */
  secrets: readonly (string | undefined)[];
  /** Safe identifiers to add to the log entry (orderId, paymentKey). */
  logContext?: Record<string, string | number | undefined>;
}

/** A 2xx answer: its parsed JSON body (null when empty). */
export interface TossResponse {
  status: number;
  body: unknown;
}

/** Settings of the HTTP layer, fixed when the client is built. */
export interface TransportSettings {
  baseUrl: string;
  authorization: string;
  secretKey: string;
  fetch: typeof fetch;
  acceptLanguage?: string;
  logger?: TossLogger;
}

/**
 * Sends one request with the global fetch and an AbortController deadline. Failures become typed
 * errors: a Toss error body becomes a TossApiError; a timeout, a lost connection or an unreadable
 * answer becomes a TossOutcomeUnknownError, never a decline.
 */
export async function sendTossRequest(settings: TransportSettings, req: TossRequest): Promise<TossResponse> {
  const url = buildUrl(settings.baseUrl, req.path, req.query);
  const headers: Record<string, string> = { Authorization: settings.authorization, Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
  if (req.testCode !== undefined) headers['TossPayments-Test-Code'] = req.testCode;
  if (settings.acceptLanguage) headers['Accept-Language'] = settings.acceptLanguage;

  const secrets = [...req.secrets, settings.secretKey, settings.authorization];
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const started = Date.now();
  const log = { operation: req.operation, method: req.method, path: req.pathTemplate, idempotencyKey: req.idempotencyKey, ...req.logContext };

  let status: number;
  let text: string;
  let traceId: string | undefined;
  try {
    if (req.signal?.aborted) controller.abort();
    const res = await settings.fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    status = res.status;
    traceId = res.headers.get('x-tosspayments-trace-id') ?? undefined;
    // The deadline covers the body too: a response cut off mid-body is as unknown as no response.
    text = await res.text();
  } catch (error) {
    const reason = timedOut ? 'timeout' : controller.signal.aborted ? 'aborted' : 'network';
    const detail = reason === 'timeout' ? `no answer within ${req.timeoutMs} ms` : scrub(describe(error), secrets);
    settings.logger?.warn({ ...log, durationMs: Date.now() - started, outcome: `unknown:${reason}` }, 'toss request outcome unknown');
    throw new TossOutcomeUnknownError(req.operation, reason, detail, req.idempotencyKey);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }

  const durationMs = Date.now() - started;
  let body: unknown = null;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }

  if (status >= 200 && status < 300) {
    if (body === undefined) {
      settings.logger?.warn({ ...log, status, durationMs, traceId }, 'toss request answered with unreadable body');
      throw new TossOutcomeUnknownError(req.operation, 'invalid_response', 'the 2xx body is not JSON', req.idempotencyKey, status);
    }
    settings.logger?.debug({ ...log, status, durationMs, traceId }, 'toss request done');
    return { status, body };
  }

  const { code, message } = readErrorBody(body, status);
  const mutation = req.method !== 'GET';
  const error = new TossApiError({
    operation: req.operation,
    code,
    httpStatus: status,
    tossMessage: scrub(message, secrets),
    category: classifyTossError(code, status, mutation),
    knownCode: isKnownTossErrorCode(code),
    idempotencyKey: req.idempotencyKey,
    traceId,
  });
  settings.logger?.warn({ ...log, status, durationMs, traceId, code, category: error.category }, 'toss request failed');
  throw error;
}

/** Reads `{code, message}` (v1) or `{error: {code, message}}` (v2 resources); falls back to the status. */
function readErrorBody(body: unknown, status: number): { code: string; message: string } {
  const candidate = isRecord(body) && isRecord(body['error']) ? body['error'] : body;
  if (isRecord(candidate) && typeof candidate['code'] === 'string') {
    return { code: candidate['code'], message: typeof candidate['message'] === 'string' ? candidate['message'] : '' };
  }
  return { code: status === 429 ? 'TOO_MANY_REQUESTS' : `HTTP_${status}`, message: 'no Toss error body' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'request failed';
  const cause = (error as { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : '';
  return `${error.message}${causeText}`;
}

function buildUrl(baseUrl: string, path: string, query: TossRequest['query']): string {
  // Relative to the base so that a base URL with a path prefix (a proxy) keeps it.
  const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}
