import type { PartnerOrderDto } from './dto/partner-order.dto';
import type { PartnerOrder } from './partner-order.entity';
import type { PartnerOrderLine } from './partner-order-line.entity';

/** A routed order with its lines (in line order) as its partner sees it. */
export function toPartnerOrderDto(o: PartnerOrder, lines: readonly PartnerOrderLine[]): PartnerOrderDto {
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
