/*
 * Pure refund validation and allocation (issue 6, docs/adr/0019-refunds.md). A refund never
 * exceeds the payment's balance (from the ledger) nor what is left of the lines it concerns; a
 * partial refund is spread over the lines in line order, then over the shipping fees.
 */
import type { RefundAllocation, RequesterRole } from './refund.entity';

export type RefusalCode = 'ABOVE_BALANCE' | 'NOT_PAID' | 'PURCHASE_CONFIRMED' | 'NOT_PARTNERS_ORDER' | 'ABOVE_PARTNER_LIMIT' | 'PROVIDER_REFUSED' | 'UNKNOWN_ORDER';

export interface RefundPlanInput {
  role: RequesterRole;
  /** A partner's refund (or a SYSTEM refund of one partner's returned part) covers only this partner's lines and fee. */
  partnerId: string | null;
  /** Null: the whole remaining balance of what the refund concerns. */
  requestedWon: number | null;
  paid: boolean;
  confirmed: boolean;
  /** The payment's refundable balance: the sum of its ledger rows. */
  balanceWon: number;
  /** In line order, with what completed refunds already gave back. */
  lines: readonly { id: string; partnerId: string; lineTotalWon: number; refundedWon: number }[];
  shipping: readonly { partnerId: string; feeWon: number; refundedWon: number }[];
  partnerLimitWon: number;
}

export type RefundPlan = { ok: true; amountWon: number; allocation: RefundAllocation } | { ok: false; code: RefusalCode; message: string };

const won = (n: number) => `${n.toLocaleString('en-US')} won`;

/** Decides a refund: its amount and allocation, or a refusal with a `refund.refused` code. */
export function planRefund(i: RefundPlanInput): RefundPlan {
  if (!i.paid) return { ok: false, code: 'NOT_PAID', message: 'the order has no payment to refund' };
  if (i.role === 'SUBSCRIBER' && i.confirmed) return { ok: false, code: 'PURCHASE_CONFIRMED', message: 'a confirmed purchase cannot be refunded on the subscriber’s request' };
  if (i.requestedWon !== null && (!Number.isSafeInteger(i.requestedWon) || i.requestedWon <= 0)) {
    return { ok: false, code: 'ABOVE_BALANCE', message: 'the amount must be a positive whole number of won' };
  }
  const scope = i.role === 'PARTNER' || i.role === 'SYSTEM' ? i.partnerId : null;
  if (i.role === 'PARTNER' && scope === null) return { ok: false, code: 'NOT_PARTNERS_ORDER', message: 'a partner refund needs the partner' };
  const lines = i.lines.filter((l) => scope === null || l.partnerId === scope).map((l) => ({ ...l, left: Math.max(0, l.lineTotalWon - l.refundedWon) }));
  if (scope !== null && lines.length === 0) return { ok: false, code: 'NOT_PARTNERS_ORDER', message: 'the order has no lines of this partner' };
  const fees = i.shipping.filter((s) => scope === null || s.partnerId === scope).map((s) => ({ ...s, left: Math.max(0, s.feeWon - s.refundedWon) }));
  const scopeLeft = lines.reduce((n, l) => n + l.left, 0) + fees.reduce((n, f) => n + f.left, 0);
  const available = Math.min(Math.max(0, i.balanceWon), scopeLeft);
  const amount = i.requestedWon ?? available;
  if (amount <= 0) return { ok: false, code: 'ABOVE_BALANCE', message: 'nothing is left to refund' };
  if (amount > available) return { ok: false, code: 'ABOVE_BALANCE', message: `only ${won(available)} is left to refund${scope ? ' of this partner’s lines' : ''}` };
  if (i.role === 'PARTNER' && amount > i.partnerLimitWon) {
    return { ok: false, code: 'ABOVE_PARTNER_LIMIT', message: `a partner may refund at most ${won(i.partnerLimitWon)} at once; ask support for more` };
  }
  let rest = amount;
  const allocation: RefundAllocation = { lines: [], shipping: [] };
  for (const l of lines) {
    const take = Math.min(rest, l.left);
    if (take > 0) allocation.lines.push({ lineId: l.id, partnerId: l.partnerId, amountWon: take });
    rest -= take;
  }
  for (const f of fees) {
    const take = Math.min(rest, f.left);
    if (take > 0) allocation.shipping.push({ partnerId: f.partnerId, amountWon: take });
    rest -= take;
  }
  // amount ≤ scopeLeft, so everything is allocated.
  return { ok: true, amountWon: amount, allocation };
}
