import type { ShipTo } from '@roastery/contracts';
import { uuidv7 } from '@roastery/persistence';
import type { Order } from './order.entity';
import type { OrderLine } from './order-line.entity';
import type { OrderShippingFee } from './order-shipping-fee.entity';
import { priceOrder, type ShippingPolicy } from './pricing/order-pricing.rules';

/** The rows one order is made of, ready to insert. */
export interface PlacedOrder {
  order: Omit<Order, 'version'>;
  lines: OrderLine[];
  fees: OrderShippingFee[];
}

/** What a subscription's box is: one line of one partner at the subscription's price snapshot. */
export interface BoxSpec {
  accountId: string;
  subscriptionId: string | null;
  cycle: number | null;
  catalogItemId: string;
  productId: string;
  partnerId: string;
  optionId: string;
  itemName: string;
  optionLabel: string;
  quantity: number;
  unitPriceWon: number;
  paymentMethodId: string;
  shipTo: ShipTo;
  billingDate: string;
  runId: string | null;
}

export interface PlatformTerms {
  commissionRateBp: number;
  shipping: ShippingPolicy;
}

/**
 * Builds an order for a box with its snapshots (price, commission, VAT, shipping fee per partner,
 * a copy of the address). Pricing refusals cannot happen for values the subscription accepted,
 * so one is a bug and throws.
 */
export function placeBox(spec: BoxSpec, terms: PlatformTerms, now: Date): PlacedOrder {
  const id = uuidv7();
  const lineId = uuidv7();
  const priced = priceOrder({
    lines: [{ lineKey: lineId, partnerId: spec.partnerId, unitPriceWon: spec.unitPriceWon, quantity: spec.quantity, commissionRateBp: terms.commissionRateBp }],
    shippingPolicies: { [spec.partnerId]: terms.shipping },
  });
  if (!priced.ok) throw new Error(`cannot price the box of subscription ${spec.subscriptionId ?? '-'}: ${priced.reason}`);
  const p = priced.order;
  const lines: OrderLine[] = p.lines.map((l, position) => ({
    id: l.lineKey,
    orderId: id,
    partnerId: l.partnerId,
    catalogItemId: spec.catalogItemId,
    productId: spec.productId,
    optionId: spec.optionId,
    productName: spec.itemName,
    optionLabel: spec.optionLabel,
    quantity: l.quantity,
    unitPriceWon: l.unitPriceWon,
    grossWon: l.grossWon,
    discountWon: l.discountWon,
    discountFundedBy: l.discountFundedBy,
    lineTotalWon: l.lineTotalWon,
    commissionRateBp: l.commissionRateBp,
    commissionWon: l.commissionWon,
    vatWon: l.vatWon,
    position,
  }));
  const fees: OrderShippingFee[] = p.shipping.map((s) => ({ orderId: id, partnerId: s.partnerId, merchandiseWon: s.merchandiseWon, feeWon: s.feeWon, vatWon: s.vatWon }));
  const order: PlacedOrder['order'] = {
    id,
    accountId: spec.accountId,
    subscriptionId: spec.subscriptionId,
    cycle: spec.cycle,
    status: 'PENDING_STOCK',
    paymentMethodId: spec.paymentMethodId,
    shipTo: spec.shipTo,
    merchandiseWon: p.merchandiseWon,
    shippingWon: p.shippingWon,
    discountWon: p.lines.reduce((sum, l) => sum + l.discountWon, 0),
    totalWon: p.totalWon,
    vatWon: p.vatWon,
    // Toss shows orderName to the card holder: at most 100 characters.
    orderName: `${spec.itemName} ${spec.optionLabel} × ${spec.quantity}`.slice(0, 100),
    billingDate: spec.billingDate,
    runId: spec.runId,
    attempts: 0,
    declines: 0,
    transientFailures: 0,
    firstFailureAt: null,
    nextAttemptAt: null,
    lastFailureCode: null,
    lastFailureCategory: null,
    paidAt: null,
    closedAt: null,
    fulfilmentStatus: null,
    deliveredAt: null,
    confirmedAt: null,
    confirmedAutomatically: false,
    cancelledAt: null,
    placedAt: now,
    updatedAt: now,
  };
  return { order, lines, fees };
}
