import type { PartnerOrderDto, PartnerRefundDto } from '@roastery/contracts';
import { shipByDate } from '../fulfilment/fulfilment.rules';
import type { PartnerRefund } from '../fulfilment/partner-refund.entity';
import type { PartnerOrder } from './partner-order.entity';
import type { PartnerOrderLine } from './partner-order-line.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a refund takes from the partner's lines: asked (pending) or given back (completed); a refusal takes nothing. */
export function refundTakes(r: Pick<PartnerRefund, 'status' | 'amountWon' | 'refundedWon'>, linesPaidWon: number): number {
  if (r.status === 'COMPLETED') return r.refundedWon ?? 0;
  if (r.status === 'REQUESTED') return r.amountWon ?? linesPaidWon;
  return 0;
}

/** A refund as the partner sees it. */
export function toPartnerRefundDto(r: PartnerRefund): PartnerRefundDto {
  return {
    refundId: r.refundId,
    requestedBy: r.requestedByRole,
    amountWon: r.amountWon,
    refundedWon: r.refundedWon,
    reason: r.reason,
    status: r.status,
    refusedCode: r.refusedCode,
    refusedMessage: r.refusedMessage,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: iso(r.decidedAt),
  };
}

/** A routed order with its lines (in line order) and refunds (oldest first) as its partner sees it. */
export function toPartnerOrderDto(o: PartnerOrder, lines: readonly PartnerOrderLine[], refunds: readonly PartnerRefund[] = []): PartnerOrderDto {
  const sorted = [...refunds].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || a.refundId.localeCompare(b.refundId));
  const taken = sorted.reduce((s, r) => s + refundTakes(r, o.itemsTotalWon), 0);
  return {
    id: o.id,
    orderId: o.orderId,
    partnerId: o.partnerId,
    subscriptionId: o.subscriptionId,
    status: o.status,
    itemsTotalWon: o.itemsTotalWon,
    shippingFeeWon: o.shippingFeeWon,
    totalWon: o.itemsTotalWon + o.shippingFeeWon,
    shipTo: o.shipTo,
    stockReserved: o.stockReserved,
    paidAt: o.paidAt.toISOString(),
    shipBy: shipByDate(o.paidAt),
    version: o.version,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    preparedAt: iso(o.preparedAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    cancelledAt: iso(o.cancelledAt),
    returnRequestedAt: iso(o.returnRequestedAt),
    returnReason: o.returnReason,
    returnedAt: iso(o.returnedAt),
    confirmedAt: iso(o.confirmedAt),
    refunds: sorted.map(toPartnerRefundDto),
    refundableWon: Math.max(0, o.itemsTotalWon - taken),
    lines: [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => ({
        lineId: l.lineId,
        catalogItemId: l.catalogItemId,
        productId: l.productId,
        optionId: l.optionId,
        productName: l.productName,
        optionLabel: l.optionLabel,
        quantity: l.quantity,
        unitPriceWon: l.unitPriceWon,
        amountWon: l.quantity * l.unitPriceWon,
      })),
  };
}

const GRIND_LABELS: Record<string, string> = { WHOLE_BEAN: 'Whole bean', ESPRESSO: 'Espresso grind', FILTER: 'Filter grind' };

/** The label of an option when order.paid carries none: "200 g · Whole bean". */
export function optionLabelOf(weightGrams: number, grind: string): string {
  return `${weightGrams} g · ${GRIND_LABELS[grind] ?? grind}`;
}
