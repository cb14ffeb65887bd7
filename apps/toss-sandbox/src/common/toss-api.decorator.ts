import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { FaultInjectionInterceptor } from '../faults/fault-injection.interceptor';
import { TestCodeInterceptor } from '../faults/test-code.interceptor';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { BasicAuthGuard } from './basic-auth.guard';

/**
 * Marks a controller as part of the emulated /v1 API: Basic auth, then (outermost first) fault
 * injection, the test-code header, and Idempotency-Key handling.
 */
export function TossApi(): ClassDecorator {
  return applyDecorators(UseGuards(BasicAuthGuard), UseInterceptors(FaultInjectionInterceptor, TestCodeInterceptor, IdempotencyInterceptor));
}
