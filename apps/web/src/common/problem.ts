import type { ErrorCode } from '@roastery/contracts';
import { ApiRequestError, type ClientErrorCode } from './apiClient';
import { sentenceCase } from './formErrors';

/**
 * A failure as the store keeps it: serializable, with field messages already keyed by form field
 * so a form can show each one beside its input.
 */
export interface Problem {
  status: number;
  code: ErrorCode | ClientErrorCode | 'UNEXPECTED';
  message: string;
  /** Field path (`email`, `items.0.qty`) → first message for it. */
  fieldErrors: Record<string, string>;
  retryAfterSeconds: number | null;
}

/** Turns anything a saga caught into a Problem. */
export function toProblem(err: unknown): Problem {
  if (err instanceof ApiRequestError) {
    return {
      status: err.status,
      code: err.code,
      message: err.message,
      fieldErrors: err.code === 'VALIDATION_FAILED' ? detailsToFieldErrors(err.details) : {},
      retryAfterSeconds: err.retryAfterSeconds,
    };
  }
  return {
    status: 0,
    code: 'UNEXPECTED',
    message: err instanceof Error ? err.message : 'Something went wrong.',
    fieldErrors: {},
    retryAfterSeconds: null,
  };
}

/**
 * VALIDATION_FAILED `details` is `[{path, message}]`. Paths may come as `"email"`, `"body.email"`,
 * `"/email"` or `["email"]`; all become `email`.
 */
export function detailsToFieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = normalisePath(path);
    if (key !== null && !(key in out)) out[key] = sentenceCase(message);
  }
  return out;
}

function normalisePath(path: unknown): string | null {
  let key: string;
  if (Array.isArray(path)) key = path.map(String).join('.');
  else if (typeof path === 'string') key = path;
  else return null;
  key = key.replace(/^\//, '').replace(/\//g, '.').replace(/^body\./, '');
  return key;
}
