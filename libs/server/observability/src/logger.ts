import pino, { type Logger } from 'pino';
import { currentContext } from './context';

/**
 * Paths that must never reach a log line. pino replaces them before serialising, so a secret that
 * slips into a logged object is still not written.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'billingKey',
  '*.billingKey',
  'secretKey',
  '*.secretKey',
  'authKey',
  '*.authKey',
  'payoutAccount',
  '*.payoutAccount',
  'cardNumber',
  '*.cardNumber',
];

/** Creates the service's JSON logger; every line carries the current correlation id. */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const ctx = currentContext();
      return ctx ? { correlationId: ctx.correlationId, causationId: ctx.causationId ?? undefined } : {};
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };

/** Injection token for the service's pino logger. */
export const LOGGER = Symbol('LOGGER');
