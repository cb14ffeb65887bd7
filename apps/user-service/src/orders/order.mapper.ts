import type { OrderDto, OrderStatusDto, OrderSummaryDto } from '@roastery/contracts';
import type { PaymentAttempt } from '../billing/payment-attempt.entity';
import type { Order } from './order.entity';
import type { OrderLine } from './order-line.entity';
import type { OrderShippingFee } from './order-shipping-fee.entity';

export function toOrderSummaryDto(o: Order): OrderSummaryDto {
  return {
    id: o.id,
    subscriptionId: o.subscriptionId,
    cycle: o.cycle,
    status: o.status as OrderStatusDto,
    orderName: o.orderName,
    billingDate: o.billingDate,
    totalWon: o.totalWon,
    placedAt: o.placedAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
  };
}

export function toOrderDto(o: Order, lines: OrderLine[], fees: OrderShippingFee[], attempts: PaymentAttempt[], paidWon: number): OrderDto {
  return {
    ...toOrderSummaryDto(o),
    lines: lines.map((l) => ({
      id: l.id,
      partnerId: l.partnerId,
      catalogItemId: l.catalogItemId,
      optionId: l.optionId,
      productName: l.productName,
      optionLabel: l.optionLabel,
      quantity: l.quantity,
      unitPriceWon: l.unitPriceWon,
      discountWon: l.discountWon,
      lineTotalWon: l.lineTotalWon,
    })),
    shippingFees: fees.map((f) => ({ partnerId: f.partnerId, feeWon: f.feeWon })),
    merchandiseWon: o.merchandiseWon,
    shippingWon: o.shippingWon,
    discountWon: o.discountWon,
    shipTo: o.shipTo,
    payments: attempts.map((a) => ({
      attempt: a.attempt,
      status: a.status,
      amountWon: a.amountWon,
      failureCode: a.failureCode,
      failureMessage: a.failureMessage,
      createdAt: a.createdAt.toISOString(),
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
    })),
    paidWon,
    nextAttemptAt: o.nextAttemptAt?.toISOString() ?? null,
  };
}
