import type { ErrorCode } from '@roastery/contracts';

/**
 * An error that maps one-to-one onto the API's error body. Throw it from services for every
 * expected refusal; anything else becomes a logged 500.
 */
export class ApiException extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new ApiException(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: ErrorCode, message: string) => new ApiException(409, code, message);
export const unprocessable = (code: ErrorCode, message: string, details?: unknown) => new ApiException(422, code, message, details);
export const unauthenticated = (message = 'authentication required') => new ApiException(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'not allowed') => new ApiException(403, 'FORBIDDEN', message);
export const badRequest = (message: string, details?: unknown) => new ApiException(400, 'VALIDATION_FAILED', message, details);
