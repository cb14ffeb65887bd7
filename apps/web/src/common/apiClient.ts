import type { ApiError, ErrorCode } from '@roastery/contracts';

/** Codes the client adds for failures that never reached a service's error handler. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed HTTP call: the server's ApiError body, or one the client made up for it. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, details?: unknown, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Access token; sent as `Authorization: Bearer …`. */
  token?: string | null;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls one of the services through the web origin (the dev proxy or nginx routes by prefix) and
 * returns the parsed JSON body. Any non-2xx answer is thrown as an ApiRequestError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, token, query, headers = {}, signal } = options;
  const url = withQuery(path, query);
  const init: RequestInit = {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal,
  };

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'NETWORK_ERROR', 'Could not reach the server. Check your connection and try again.');
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw toRequestError(response, payload);
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

function toRequestError(response: Response, payload: unknown): ApiRequestError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiError(payload)) {
    return new ApiRequestError(response.status, payload.code, payload.message, payload.details, retryAfter);
  }
  // A proxy error page, or a service that is down (the dev proxy answers 502/504 without a body).
  const message =
    response.status >= 500 ? 'The service is unavailable right now. Please try again shortly.' : `Unexpected response (${response.status}).`;
  return new ApiRequestError(response.status, 'BAD_RESPONSE', message, undefined, retryAfter);
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
