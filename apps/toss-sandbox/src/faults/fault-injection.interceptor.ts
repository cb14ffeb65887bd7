import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { finalize, from, mergeMap, type Observable } from 'rxjs';
import { InFlightRequests } from '../common/in-flight-requests';
import { DroppedResponse, type SandboxRequest } from '../common/sandbox-request';
import { tossError, type TossErrorCode } from '../common/toss-errors';
import { SettingsService } from '../settings/settings.service';

/**
 * The outermost layer of the /v1 API: injected latency and random errors (set through
 * /sandbox/faults), the dropped connection of the "response lost" test card, and in-flight
 * tracking for an orderly shutdown.
 */
@Injectable()
export class FaultInjectionInterceptor implements NestInterceptor {
  constructor(
    private readonly settings: SettingsService,
    private readonly inFlight: InFlightRequests,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<SandboxRequest>();
    const faults = this.settings.current.faults;
    const applies = req.url.startsWith(faults.pathPrefix);
    const fails = applies && faults.errorRate > 0 && Math.random() < faults.errorRate;
    const code = faults.errorCode as TossErrorCode;

    const run = async (): Promise<void> => {
      if (applies && faults.latencyMs > 0) await this.inFlight.delay(faults.latencyMs);
      if (fails && faults.errorPhase === 'before') throw tossError(code);
    };
    let finished!: () => void;
    this.inFlight.track(new Promise<void>((resolve) => (finished = resolve)));
    return from(run()).pipe(
      mergeMap(() => next.handle()),
      mergeMap(async (body: unknown) => {
        // The work is committed (and its idempotent answer stored) before either of these.
        if (req.dropResponse) throw new DroppedResponse();
        if (fails && faults.errorPhase === 'after') throw tossError(code);
        return body;
      }),
      finalize(() => finished()),
    );
  }
}
