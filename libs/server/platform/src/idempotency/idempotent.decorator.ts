import { AsyncLocalStorage } from 'node:async_hooks';
import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT = 'roastery:idempotent';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Accepts an `Idempotency-Key` header on this route (API.md): a repeat with the same key and body
 * replays the first answer, a concurrent repeat is 409 IDEMPOTENCY_IN_PROGRESS, the same key with
 * another body is 422 IDEMPOTENCY_KEY_REUSED. Signed-in routes only; without the header the route
 * works as before. See ADR 0013.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retried request safe: 1–255 printable ASCII characters, kept 24 h per account, method and path. ' +
        'A repeat with the same body replays the first answer (header Idempotent-Replayed: true); ' +
        '409 IDEMPOTENCY_IN_PROGRESS while the first runs; 422 IDEMPOTENCY_KEY_REUSED for another body.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
  );

/** Where the interceptor leaves the accepted key on the request. */
export type RequestWithIdempotencyKey = { idempotencyKey?: string };

const keyStorage = new AsyncLocalStorage<string>();

/** Runs fn (the route handler's observable is created inside it) with key as the current key. */
export function runWithIdempotencyKey<T>(key: string, fn: () => T): T {
  return keyStorage.run(key, fn);
}

/**
 * The `Idempotency-Key` the current request holds, when its route is @Idempotent and the caller
 * sent one; store it on the effect's row under a unique constraint, in the effect's transaction.
 */
export function currentIdempotencyKey(): string | undefined {
  return keyStorage.getStore();
}

/**
 * Handler parameter: the accepted `Idempotency-Key` of this request, or undefined (no header, or
 * the route is not @Idempotent). Pass it to the service that commits the effect.
 */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => ctx.switchToHttp().getRequest<RequestWithIdempotencyKey>().idempotencyKey,
);
