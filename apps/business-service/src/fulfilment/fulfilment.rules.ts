import type { FulfilmentStatus } from '@roastery/contracts';

/**
 * What may happen to a partner order after payment (docs/orders/order-states.md, ADR 0018).
 * PREPARE, SHIP, DELIVER and CONFIRM_RETURN are the partner's; CANCEL comes only from the
 * subscriber's cancellation request and REQUEST_RETURN only from order.return.requested.
 */
export const FULFILMENT_ACTIONS = ['PREPARE', 'SHIP', 'DELIVER', 'CANCEL', 'REQUEST_RETURN', 'CONFIRM_RETURN'] as const;
export type FulfilmentAction = (typeof FULFILMENT_ACTIONS)[number];

/** The one table of allowed transitions: from which states an action leads where. */
export const TRANSITIONS: Readonly<Record<FulfilmentAction, { from: readonly FulfilmentStatus[]; to: FulfilmentStatus }>> = {
  PREPARE: { from: ['PAID'], to: 'PREPARING' },
  SHIP: { from: ['PAID', 'PREPARING'], to: 'SHIPPED' },
  DELIVER: { from: ['SHIPPED'], to: 'DELIVERED' },
  CANCEL: { from: ['PAID', 'PREPARING'], to: 'CANCELLED' },
  REQUEST_RETURN: { from: ['DELIVERED'], to: 'RETURN_REQUESTED' },
  CONFIRM_RETURN: { from: ['RETURN_REQUESTED'], to: 'RETURNED' },
};

const VERBS: Record<FulfilmentAction, string> = {
  PREPARE: 'prepared',
  SHIP: 'shipped',
  DELIVER: 'marked delivered',
  CANCEL: 'cancelled',
  REQUEST_RETURN: 'returned',
  CONFIRM_RETURN: 'confirmed as returned',
};

/** What an order knows beyond its status that may refuse a transition. */
export interface TransitionContext {
  /** The subscriber confirmed the purchase (no more returns). */
  confirmed: boolean;
}

export type TransitionOutcome = { ok: true; to: FulfilmentStatus } | { ok: false; message: string };

/** Decides one action on an order in `status`; a refusal carries the message of the 409 INVALID_STATE. */
export function transition(status: FulfilmentStatus, action: FulfilmentAction, ctx: TransitionContext = { confirmed: false }): TransitionOutcome {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) return { ok: false, message: `a ${status} order cannot be ${VERBS[action]}` };
  if (action === 'REQUEST_RETURN' && ctx.confirmed) return { ok: false, message: 'the purchase was confirmed: it can no longer be returned' };
  return { ok: true, to: rule.to };
}

export type CancellationDecision = { outcome: 'CANCELLED'; cancel: number[] } | { outcome: 'REFUSED'; reason: string };

/**
 * A cancellation request over all partner orders of one order: cancelled only if none has left the
 * roaster (every part is PAID, PREPARING or already CANCELLED); `cancel` lists the indexes to
 * cancel now. Otherwise refused, naming the first part that went further.
 */
export function decideCancellation(statuses: readonly FulfilmentStatus[]): CancellationDecision {
  const blocking = statuses.find((s) => s !== 'CANCELLED' && !TRANSITIONS.CANCEL.from.includes(s));
  if (blocking) return { outcome: 'REFUSED', reason: blocking === 'SHIPPED' ? 'already shipped' : `already ${blocking.toLowerCase().replace('_', ' ')}` };
  return { outcome: 'CANCELLED', cancel: statuses.flatMap((s, i) => (s === 'CANCELLED' ? [] : [i])) };
}

/**
 * Whether the ship-to copy is still needed (the parcel has not reached its end): after a
 * user.deleted it is erased at once for DELIVERED, CANCELLED and RETURNED orders, and for the
 * others as soon as they get there.
 */
export function needsShipTo(status: FulfilmentStatus): boolean {
  return !['DELIVERED', 'CANCELLED', 'RETURNED'].includes(status);
}

/** Carriers the console offers; any other name up to 40 characters is accepted as typed. */
export const KNOWN_CARRIERS = ['CJ대한통운', '한진택배', '롯데택배', '우체국택배', '로젠택배', '경동택배', 'CU편의점택배', 'GS Postbox'] as const;

/** A tracking number as the carrier prints it, without spaces or hyphens; null when it is not 8–30 letters or digits. */
export function normaliseTracking(raw: string): string | null {
  const t = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{8,30}$/.test(t) ? t : null;
}

/** A carrier name trimmed; null when empty or longer than 40 characters. */
export function normaliseCarrier(raw: string): string | null {
  const c = raw.trim().replace(/\s+/g, ' ');
  return c.length >= 1 && c.length <= 40 ? c : null;
}

const SEOUL_OFFSET_MS = 9 * 3_600_000; // Korea has no daylight saving time.

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Seoul. */
export function seoulDate(at: Date): string {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The ship-by date of an order paid at `paidAt`: the next business day (Monday to Friday) after
 * its paid date in Asia/Seoul. Paid on Friday, Saturday or Sunday → Monday. Public holidays are
 * not known here (ADR 0018).
 */
export function shipByDate(paidAt: Date): string {
  const d = new Date(`${seoulDate(paidAt)}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

/** What a partner's refund request is checked against. */
export interface PartnerRefundCheck {
  amountWon: number;
  /** PARTNER_REFUND_LIMIT_WON. */
  limitWon: number;
  /** The partner's lines of the order, as paid. */
  linesPaidWon: number;
  /** Already given back or asked for (requested or completed refunds of those lines). */
  takenWon: number;
}

/** Null when the partner may ask for this refund; otherwise which bound it breaks and a message. */
export function refusePartnerRefund(c: PartnerRefundCheck): { bound: 'LIMIT' | 'BALANCE'; message: string } | null {
  if (c.amountWon > c.limitWon) return { bound: 'LIMIT', message: `a partner may refund at most ${c.limitWon} won at a time` };
  const left = Math.max(0, c.linesPaidWon - c.takenWon);
  if (c.amountWon > left) return { bound: 'BALANCE', message: `at most ${left} won of this partner's lines is left to refund` };
  return null;
}

/** One line of an unshipped order, as the demand counts it. */
export interface DemandLine {
  partnerOrderId: string;
  optionId: string;
  productId: string;
  productName: string;
  optionLabel: string;
  weightGrams: number | null;
  quantity: number;
}

/** How much of each option the lines need: units, grams (when the weight is known) and orders, largest first. */
export function roastDemand(lines: readonly DemandLine[]): Array<Omit<DemandLine, 'partnerOrderId' | 'quantity'> & { units: number; grams: number | null; orders: number }> {
  const by = new Map<string, { line: DemandLine; units: number; orders: Set<string> }>();
  for (const l of lines) {
    const d = by.get(l.optionId) ?? { line: l, units: 0, orders: new Set<string>() };
    d.units += l.quantity;
    d.orders.add(l.partnerOrderId);
    by.set(l.optionId, d);
  }
  return [...by.values()]
    .map(({ line: l, units, orders }) => ({
      optionId: l.optionId,
      productId: l.productId,
      productName: l.productName,
      optionLabel: l.optionLabel,
      weightGrams: l.weightGrams,
      units,
      grams: l.weightGrams === null ? null : units * l.weightGrams,
      orders: orders.size,
    }))
    .sort((a, b) => (b.grams ?? 0) - (a.grams ?? 0) || b.units - a.units || a.productName.localeCompare(b.productName) || a.optionId.localeCompare(b.optionId));
}
