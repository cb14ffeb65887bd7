import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { SandboxRequest } from '../common/sandbox-request';
import { isTossErrorCode, tossError } from '../common/toss-errors';

/**
 * `TossPayments-Test-Code: <ERROR_CODE>` forces that error before anything else is checked
 * (Toss applies it before paymentKey validation); an unknown code gives INVALID_TEST_CODE.
 * The forced error is not stored under the Idempotency-Key.
 */
@Injectable()
export class TestCodeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<SandboxRequest>();
    const header = req.headers['tosspayments-test-code'];
    if (header === undefined || header === '') return next.handle();
    const code = Array.isArray(header) ? (header[0] ?? '') : header;
    throw isTossErrorCode(code) ? tossError(code) : tossError('INVALID_TEST_CODE');
  }
}
