import { type CallHandler, type ExecutionContext, HttpException, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@roastery/auth';
import type { ApiError } from '@roastery/contracts';
import { ApiException, badRequest, conflict, sendApiError, unprocessable } from '@roastery/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { requestHash } from './canonical-json';
import { IDEMPOTENCY_HEADER, IDEMPOTENT, IDEMPOTENT_REPLAYED_HEADER, type RequestWithIdempotencyKey, runWithIdempotencyKey } from './idempotent.decorator';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import { type IdempotencyScope, IdempotencyStore } from './idempotency.store';

/** 1–255 printable ASCII characters (API.md). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

type Request = FastifyRequest & RequestWithIdempotencyKey & { principal?: Principal };

/**
 * Global interceptor acting only on @Idempotent routes whose caller sent an `Idempotency-Key`:
 * claims the key, runs the route once, stores 2xx and 4xx answers (except 429) for replay, and
 * releases the key on 5xx so the client may retry. ADR 0013.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (ctx.getType() !== 'http' || !this.reflector.getAllAndOverride<boolean>(IDEMPOTENT, [ctx.getHandler(), ctx.getClass()])) return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    const header = req.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw badRequest('Idempotency-Key must be 1–255 printable ASCII characters', [{ path: 'Idempotency-Key', message: 'invalid' }]);
    }
    // Keys are per account: anonymous calls (a @Public route) run without idempotency.
    const accountId = req.principal?.userId;
    if (!accountId) return next.handle();

    const scope: IdempotencyScope = { accountId, method: req.method, path: req.url.split('?')[0], key: header };
    const found = await this.store.claim(scope, requestHash(req.body));
    switch (found.kind) {
      case 'reused':
        throw unprocessable('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request body');
      case 'in-progress':
        throw conflict('IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still running');
      case 'completed':
        return this.replay(reply, found.status, found.body);
    }

    const { claimId } = found;
    req.idempotencyKey = header;
    return runWithIdempotencyKey(header, () => next.handle()).pipe(
      mergeMap((body) => from(this.remember(scope, claimId, reply.statusCode, body)).pipe(mergeMap(() => of(body)))),
      catchError((err: unknown) => from(this.rememberFailure(scope, claimId, err)).pipe(mergeMap(() => throwError(() => err)))),
    );
  }

  /** Answers a repeat exactly as the first request was answered, marked as a replay. */
  private replay(reply: FastifyReply, status: number, body: unknown): Observable<unknown> {
    if (status >= 400) {
      const e = body as ApiError;
      throw new ApiException(status, e.code, e.message, e.details, { [IDEMPOTENT_REPLAYED_HEADER]: 'true' });
    }
    void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    // Nest sends a handler's result with the route's own status code, which is what the first
    // answer had (our routes never set a status at run time).
    return of(body);
  }

  private async remember(scope: IdempotencyScope, claimId: string, status: number, body: unknown): Promise<void> {
    try {
      await this.store.complete(scope, claimId, status, body);
    } catch (err) {
      // The effect is committed; the client gets its answer. A repeat after the lease re-runs the
      // route, where the effect row's own unique key on the Idempotency-Key keeps it exactly-once.
      this.options.logger.error({ err, path: scope.path }, 'could not store an idempotent response');
    }
  }

  private async rememberFailure(scope: IdempotencyScope, claimId: string, err: unknown): Promise<void> {
    const status = err instanceof ApiException ? err.statusCode : err instanceof HttpException ? err.getStatus() : 500;
    try {
      if (status >= 400 && status < 500 && status !== 429) {
        await this.store.complete(scope, claimId, status, renderError(err));
      } else {
        await this.store.release(scope, claimId);
      }
    } catch (e) {
      this.options.logger.error({ err: e, path: scope.path }, 'could not store or release an idempotency key');
    }
  }
}

/** The body the API's error filter sends for err, rendered by the filter's own code. */
function renderError(err: unknown): ApiError {
  const sent: { body?: ApiError } = {};
  const capture = { header: () => capture, status: () => capture, send: (b: ApiError) => void (sent.body = b) };
  sendApiError(capture as unknown as FastifyReply, err, { error: () => undefined } as never);
  return sent.body as ApiError;
}
