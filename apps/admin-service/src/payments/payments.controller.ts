import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import {
  type Page,
  type PaymentDetailDto,
  type PaymentsQuery,
  paymentsQuerySchema,
  type PaymentSummaryDto,
  type ReconciliationQuery,
  type ReconciliationReportDto,
  reconciliationQuerySchema,
  type RefundDto,
  type RefundRequestBody,
  type RefundRequestedDto,
  refundRequestSchema,
} from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import { Idempotent, IdempotencyKey } from '@roastery/platform';
import { PaymentsService } from './payments.service';
import { ReconciliationService } from './reconciliation.service';

// A malformed id can name no payment or refund: 404, like any id the caller cannot see.
const paymentId = new ParseUUIDPipe({ exceptionFactory: () => notFound('payment') });
const refundId = new ParseUUIDPipe({ exceptionFactory: () => notFound('refund') });

/** /admin/payments: payment history across the platform, refunds on request, reconciliation with Toss. */
@ApiTags('payments')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Get('payments')
  search(@ValidQuery(paymentsQuerySchema) q: PaymentsQuery): Promise<Page<PaymentSummaryDto>> {
    return this.payments.search(q);
  }

  /** Compares the read model with Toss's transactions of a Seoul day (or days); bounded in time. */
  @Get('payments/reconciliation')
  reconcile(@ValidQuery(reconciliationQuerySchema) q: ReconciliationQuery): Promise<ReconciliationReportDto> {
    return this.reconciliation.report(q);
  }

  @Get('payments/:orderId')
  detail(@Param('orderId', paymentId) orderId: string): Promise<PaymentDetailDto> {
    return this.payments.detail(orderId);
  }

  /** Asks user-service to refund (202 with the refund id); follow it at GET /admin/refunds/:refundId. */
  @Post('payments/:orderId/refund')
  @HttpCode(202)
  @Idempotent()
  refund(
    @Param('orderId', paymentId) orderId: string,
    @ValidBody(refundRequestSchema) body: RefundRequestBody,
    @CurrentPrincipal() me: Principal,
    @IdempotencyKey() key?: string,
  ): Promise<RefundRequestedDto> {
    return this.payments.requestRefund(me.userId, orderId, body, key);
  }

  @Get('refunds/:refundId')
  refundStatus(@Param('refundId', refundId) id: string): Promise<RefundDto> {
    return this.payments.refund(id);
  }
}
