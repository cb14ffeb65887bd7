import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import { DroppedResponse, type SandboxRequest } from '../common/sandbox-request';
import { tossError, type TossErrorCode } from '../common/toss-errors';
import { SettingsService } from '../settings/settings.service';

/**
 * The outermost layer of the /v1 API: injected latency and random errors (set through
 * /sandbox/faults), and the dropped connection of the "response lost" test card.
 */
@Injectable()
export class FaultInjectionInterceptor implements NestInterceptor {
  constructor(private readonly settings: SettingsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<SandboxRequest>();
    const faults = this.settings.current.faults;
    const applies = req.url.startsWith(faults.pathPrefix);
    const fails = applies && faults.errorRate > 0 && Math.random() < faults.errorRate;
    const code = faults.errorCode as TossErrorCode;

    const run = async (): Promise<void> => {
      if (applies && faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (fails && faults.errorPhase === 'before') throw tossError(code);
    };
    return from(run()).pipe(
      mergeMap(() => next.handle()),
      mergeMap(async (body: unknown) => {
        // The work is committed (and its idempotent answer stored) before either of these.
        if (req.dropResponse) throw new DroppedResponse();
        if (fails && faults.errorPhase === 'after') throw tossError(code);
        return body;
      }),
    );
  }
}
