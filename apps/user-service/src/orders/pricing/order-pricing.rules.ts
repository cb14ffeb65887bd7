/*
 * Pure pricing of an order (issue 5): line totals, commission, VAT and the shipping fee per
 * partner, in integer won. Every result is a safe integer computed with integer operations; the
 * one division (VAT) is rounded exactly as Toss does it. Invalid input is refused, never clamped,
 * except a discount larger than its line, which is capped at the line.
 */

/** Who pays for a line's discount: the platform (settlement reimburses the partner) or the partner. */
export type DiscountFunder = 'PLATFORM' | 'PARTNER';

/** One line to price: a partner's option at its snapshot price and commission rate. */
export interface OrderLineInput {
  readonly lineKey: string;
  readonly partnerId: string;
  readonly unitPriceWon: number;
  readonly quantity: number;
  /** Commission in basis points of the line total: 1 080 = 10.8 %. */
  readonly commissionRateBp: number;
  readonly discountWon?: number;
  readonly discountFundedBy?: DiscountFunder;
}

/** A partner's shipping fee, charged once per order unless the partner's merchandise reaches the threshold. */
export interface ShippingPolicy {
  readonly feeWon: number;
  readonly freeThresholdWon: number;
}

/** The lines of an order and the shipping policy of every partner in them (keyed by partner id). */
export interface PriceOrderInput {
  readonly lines: readonly OrderLineInput[];
  readonly shippingPolicies: Readonly<Record<string, ShippingPolicy>>;
}

/** A priced line: the snapshots an order line keeps. */
export interface PricedLine {
  readonly lineKey: string;
  readonly partnerId: string;
  readonly unitPriceWon: number;
  readonly quantity: number;
  /** unitPriceWon × quantity. */
  readonly grossWon: number;
  /** The discount applied: the one asked for, capped at grossWon. */
  readonly discountWon: number;
  readonly discountFundedBy: DiscountFunder | null;
  /** What the subscriber pays for the line: grossWon − discountWon. */
  readonly lineTotalWon: number;
  readonly commissionRateBp: number;
  /** floor(lineTotalWon × commissionRateBp / 10 000). */
  readonly commissionWon: number;
  /** The VAT inside lineTotalWon: Math.round(lineTotalWon / 11). */
  readonly vatWon: number;
}

/** A partner's part of the order and the shipping fee charged for it. */
export interface PartnerShipping {
  readonly partnerId: string;
  /** The sum of the partner's line totals (after discounts): what the free-shipping threshold is compared with. */
  readonly merchandiseWon: number;
  readonly feeWon: number;
  /** The VAT inside feeWon: Math.round(feeWon / 11). */
  readonly vatWon: number;
}

/** A priced order. */
export interface PricedOrder {
  readonly lines: readonly PricedLine[];
  /** One entry per partner, in the order the partners first appear in the lines. */
  readonly shipping: readonly PartnerShipping[];
  readonly merchandiseWon: number;
  readonly shippingWon: number;
  /** What is charged: merchandiseWon + shippingWon. */
  readonly totalWon: number;
  /**
   * The VAT of the payment as Toss computes it, Math.round(totalWon / 11). It may differ by a few
   * won from the sum of the line and shipping snapshots, each rounded on its own.
   */
  readonly vatWon: number;
}

/** Why an order could not be priced. */
export type PricingRefusal =
  | 'NO_LINES'
  | 'DUPLICATE_LINE_KEY'
  | 'INVALID_QUANTITY' // not a positive integer
  | 'INVALID_PRICE' // not a non-negative integer
  | 'INVALID_COMMISSION_RATE' // not an integer 0 … 10 000 bp
  | 'INVALID_DISCOUNT' // not a non-negative integer
  | 'DISCOUNT_FUNDER_MISSING' // a discount without who funds it
  | 'MISSING_SHIPPING_POLICY' // a partner of a line has no policy
  | 'INVALID_SHIPPING_POLICY' // a fee or threshold that is not a non-negative integer
  | 'AMOUNT_TOO_LARGE'; // an amount beyond Number.MAX_SAFE_INTEGER

/** A refusal, naming the line or partner at fault where there is one. */
export interface PricingRefused {
  readonly ok: false;
  readonly reason: PricingRefusal;
  readonly lineKey?: string;
  readonly partnerId?: string;
}

export type PricingResult = { readonly ok: true; readonly order: PricedOrder } | PricingRefused;

/** The largest commission rate: 100 %. */
export const MAX_COMMISSION_RATE_BP = 10_000;

/** Toss's VAT of a VAT-inclusive amount (the sandbox's payment-amounts rule, without tax-free part). */
export function vatOf(amountWon: number): number {
  // n / 11 never ends in exactly .5 for an integer n, so Math.round is exact (round half-up).
  return Math.round(amountWon / 11);
}

/** The commission on an amount: floor(amount × bp / 10 000), in exact integer arithmetic. */
export function commissionOf(amountWon: number, rateBp: number): number {
  return Number((BigInt(amountWon) * BigInt(rateBp)) / BigInt(MAX_COMMISSION_RATE_BP));
}

/** Prices an order: each line, the shipping fee per partner and the total. */
export function priceOrder(input: PriceOrderInput): PricingResult {
  if (input.lines.length === 0) return { ok: false, reason: 'NO_LINES' };
  const lines: PricedLine[] = [];
  const keys = new Set<string>();
  for (const line of input.lines) {
    if (keys.has(line.lineKey)) return refuseLine('DUPLICATE_LINE_KEY', line);
    keys.add(line.lineKey);
    const priced = priceLine(line);
    if (!('lineTotalWon' in priced)) return priced;
    lines.push(priced);
  }

  const merchandiseByPartner = new Map<string, number>();
  for (const l of lines) merchandiseByPartner.set(l.partnerId, (merchandiseByPartner.get(l.partnerId) ?? 0) + l.lineTotalWon);
  const shipping: PartnerShipping[] = [];
  for (const [partnerId, merchandiseWon] of merchandiseByPartner) {
    if (!Object.hasOwn(input.shippingPolicies, partnerId)) return { ok: false, reason: 'MISSING_SHIPPING_POLICY', partnerId };
    const policy = input.shippingPolicies[partnerId];
    if (!isWon(policy.feeWon) || !isWon(policy.freeThresholdWon)) return { ok: false, reason: 'INVALID_SHIPPING_POLICY', partnerId };
    const feeWon = merchandiseWon < policy.freeThresholdWon ? policy.feeWon : 0;
    shipping.push({ partnerId, merchandiseWon, feeWon, vatWon: vatOf(feeWon) });
  }

  const merchandiseWon = sum(lines.map((l) => l.lineTotalWon));
  const shippingWon = sum(shipping.map((s) => s.feeWon));
  const totalWon = merchandiseWon + shippingWon;
  if (![merchandiseWon, shippingWon, totalWon, ...shipping.map((s) => s.merchandiseWon)].every(Number.isSafeInteger)) {
    return { ok: false, reason: 'AMOUNT_TOO_LARGE' };
  }
  return { ok: true, order: { lines, shipping, merchandiseWon, shippingWon, totalWon, vatWon: vatOf(totalWon) } };
}

function priceLine(line: OrderLineInput): PricedLine | PricingRefused {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) return refuseLine('INVALID_QUANTITY', line);
  if (!isWon(line.unitPriceWon)) return refuseLine('INVALID_PRICE', line);
  if (!Number.isSafeInteger(line.commissionRateBp) || line.commissionRateBp < 0 || line.commissionRateBp > MAX_COMMISSION_RATE_BP) {
    return refuseLine('INVALID_COMMISSION_RATE', line);
  }
  const requested = line.discountWon ?? 0;
  if (!isWon(requested)) return refuseLine('INVALID_DISCOUNT', line);
  if (requested > 0 && line.discountFundedBy === undefined) return refuseLine('DISCOUNT_FUNDER_MISSING', line);
  const grossWon = line.unitPriceWon * line.quantity;
  if (!Number.isSafeInteger(grossWon)) return refuseLine('AMOUNT_TOO_LARGE', line);

  const discountWon = Math.min(requested, grossWon);
  const lineTotalWon = grossWon - discountWon;
  return {
    lineKey: line.lineKey,
    partnerId: line.partnerId,
    unitPriceWon: line.unitPriceWon,
    quantity: line.quantity,
    grossWon,
    discountWon,
    discountFundedBy: line.discountFundedBy ?? null,
    lineTotalWon,
    commissionRateBp: line.commissionRateBp,
    commissionWon: commissionOf(lineTotalWon, line.commissionRateBp),
    vatWon: vatOf(lineTotalWon),
  };
}

function isWon(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function refuseLine(reason: PricingRefusal, line: OrderLineInput): PricingRefused {
  return { ok: false, reason, lineKey: line.lineKey };
}
