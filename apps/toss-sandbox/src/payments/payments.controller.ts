import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { TossPayment } from '@roastery/toss';
import { TossApi } from '../common/toss-api.decorator';
import { PaymentsService } from './payments.service';

/** Payment lookup and cancel endpoints of the Toss core API. */
@TossApi()
@Controller('v1/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** Looks a payment up by the merchant's orderId. */
  @Get('orders/:orderId')
  byOrderId(@Param('orderId') orderId: string): Promise<TossPayment> {
    return this.payments.getByOrderId(orderId);
  }

  /** Looks a payment up by paymentKey. */
  @Get(':paymentKey')
  get(@Param('paymentKey') paymentKey: string): Promise<TossPayment> {
    return this.payments.get(paymentKey);
  }

  /** Cancels a payment fully or partly. */
  @Post(':paymentKey/cancel')
  @HttpCode(200)
  cancel(@Param('paymentKey') paymentKey: string, @Body() body: unknown): Promise<TossPayment> {
    return this.payments.cancel(paymentKey, body);
  }
}
