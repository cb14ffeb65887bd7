import type { OrderAfterSaleDto, OrderDto, OrderRequestDto, OrderStatusDto, OrderSummaryDto } from '@roastery/contracts';
import type { PaymentAttempt } from '../billing/payment-attempt.entity';
import type { Refund } from '../refunds/refund.entity';
import type { Order } from './order.entity';
import type { OrderFulfilment } from './order-fulfilment.entity';
import type { OrderLine } from './order-line.entity';
import type { OrderRequest } from './order-request.entity';
import type { OrderShippingFee } from './order-shipping-fee.entity';
import { actionsOf, orderState } from './order-state.rules';

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
    afterSaleState:
      o.status === 'PAID'
        ? orderState({ status: o.status, fulfilment: o.fulfilmentStatus ?? 'PAID', cancelled: o.cancelledAt !== null, confirmed: o.confirmedAt !== null, openCancel: false, openReturn: false })
        : null,
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

/** Everything the after-sale view is built from. */
export interface AfterSaleSource {
  order: Order;
  lines: OrderLine[];
  fees: OrderShippingFee[];
  parts: OrderFulfilment[];
  requests: OrderRequest[];
  refunds: Refund[];
  balanceWon: number;
  autoConfirmDays: number;
}

/** The after-sale part of GET /api/orders/:id (null before payment). */
export function toAfterSaleDto(s: AfterSaleSource): OrderAfterSaleDto | undefined {
  const { order } = s;
  if (order.status !== 'PAID') return undefined;
  const latest = (kind: 'CANCEL' | 'RETURN') => s.requests.filter((r) => r.kind === kind).sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
  const cancellation = latest('CANCEL');
  const returnRequest = latest('RETURN');
  const facts = {
    status: order.status,
    fulfilment: order.fulfilmentStatus ?? 'PAID',
    cancelled: order.cancelledAt !== null,
    confirmed: order.confirmedAt !== null,
    openCancel: cancellation?.status === 'OPEN',
    openReturn: returnRequest?.status === 'OPEN',
  } as const;
  const completed = s.refunds.filter((r) => r.status === 'COMPLETED');
  const lineRefunded = new Map<string, number>();
  let shippingRefundedWon = 0;
  for (const r of completed) {
    for (const l of r.allocation?.lines ?? []) lineRefunded.set(l.lineId, (lineRefunded.get(l.lineId) ?? 0) + l.amountWon);
    for (const f of r.allocation?.shipping ?? []) shippingRefundedWon += f.amountWon;
  }
  const partners = [...new Set(s.lines.map((l) => l.partnerId))];
  const partOf = new Map(s.parts.map((p) => [p.partnerId, p]));
  return {
    state: orderState(facts),
    fulfilment: {
      status: facts.fulfilment,
      parts: partners.map((partnerId) => {
        const p = partOf.get(partnerId);
        return {
          partnerId,
          partnerOrderId: p?.partnerOrderId ?? null,
          status: p?.status ?? 'PAID',
          carrier: p?.carrier ?? null,
          trackingNumber: p?.trackingNumber ?? null,
          shippedAt: iso(p?.shippedAt),
          deliveredAt: iso(p?.deliveredAt),
          updatedAt: iso(p?.changedAt),
        };
      }),
    },
    cancellation: cancellation ? toRequestDto(cancellation) : null,
    returnRequest: returnRequest ? toRequestDto(returnRequest) : null,
    confirmedAt: iso(order.confirmedAt),
    confirmedAutomatically: order.confirmedAutomatically,
    autoConfirmAt: order.deliveredAt && !order.confirmedAt ? new Date(order.deliveredAt.getTime() + s.autoConfirmDays * 86_400_000).toISOString() : null,
    refunds: s.refunds.map((r) => ({
      id: r.id,
      status: r.status,
      amountWon: r.amountWon ?? r.requestedAmountWon,
      reason: r.reason,
      requestedBy: r.requesterRole,
      refusedCode: r.refusedCode,
      requestedAt: r.requestedAt.toISOString(),
      completedAt: r.status === 'COMPLETED' ? iso(r.decidedAt) : null,
    })),
    lineRefunds: s.lines.map((l) => ({ lineId: l.id, refundedWon: lineRefunded.get(l.id) ?? 0 })),
    shippingRefundedWon,
    refundedWon: completed.reduce((n, r) => n + (r.amountWon ?? 0), 0),
    refundableWon: Math.max(0, s.balanceWon),
    actions: actionsOf(facts),
  };
}

function toRequestDto(r: OrderRequest): OrderRequestDto {
  return { id: r.id, status: r.status, reason: r.reason, decisionReason: r.decisionReason, requestedAt: r.requestedAt.toISOString(), decidedAt: iso(r.decidedAt) };
}

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;
