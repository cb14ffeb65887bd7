import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { ReplayedResponse, type SandboxRequest } from '../common/sandbox-request';
import { TossApiException, tossError } from '../common/toss-errors';
import { SettingsService } from '../settings/settings.service';
import { IdempotencyService, type IdempotencyScope } from './idempotency.service';

/**
 * Toss's Idempotency-Key semantics on POST: the first answer is replayed for the same key, API
 * key, method and path whatever the body; a duplicate that arrives while the first still runs
 * gets 409 IDEMPOTENT_REQUEST_PROCESSING. The header is ignored on other methods.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly settings: SettingsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<SandboxRequest>();
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined) return next.handle();
    const key = Array.isArray(header) ? header.join(',') : header;
    if (key.length === 0 || key.length > 300) throw tossError('INVALID_IDEMPOTENCY_KEY');
    const scope: IdempotencyScope = { apiKeyHash: req.apiKeyHash ?? '', method: req.method, path: req.url.split('?')[0] ?? req.url, idempotencyKey: key };

    return from(this.idempotency.claim(scope)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'in_flight') throw tossError('IDEMPOTENT_REQUEST_PROCESSING');
        if (claim.kind === 'replay') throw new ReplayedResponse(claim.status, claim.body);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.idempotency.complete(scope, 200, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            if (error instanceof TossApiException && this.settings.current.idempotencyReplayErrors) {
              await this.idempotency.complete(scope, error.status, error.body);
            } else {
              await this.idempotency.release(scope);
            }
            throw error;
          }),
        );
      }),
    );
  }
}
