/*
 * Reconciliation of our payments read model with Toss's transactions listing (ADR 0020). Pure: no
 * Nest, no TypeORM; reconciliation.service.ts loads both sides and calls reconcile(). Mismatch and
 * SideTotals are the report's shapes in @roastery/contracts.
 */
import type { Mismatch, MismatchKind, SideTotals } from '@roastery/contracts';

/** A payment of the read model (order.paid). */
export interface OurPayment {
  orderId: string;
  paymentKey: string | null;
  tossOrderId: string | null;
  totalWon: number;
  paidAt: Date;
}

/** A completed refund of the read model (refund.completed always names the paymentKey). */
export interface OurRefund {
  refundId: string;
  orderId: string;
  paymentKey: string;
  amountWon: number;
  completedAt: Date;
}

/** A row of Toss's `GET /v1/transactions`, with its time parsed. */
export interface TossTx {
  transactionKey: string;
  paymentKey: string;
  orderId: string;
  status: string;
  amount: number;
  at: Date;
}

export interface ReconciliationResult {
  ours: SideTotals;
  toss: SideTotals;
  /** Charges of the period found on both sides with the same amount. */
  matchedCharges: number;
  mismatches: Mismatch[];
}

/**
 * Toss lists an approval and each cancel as separate transactions sharing the paymentKey; a
 * transaction's status is the payment's status right after it, so a cancel reads as
 * PARTIAL_CANCELED or CANCELED and an approval as DONE.
 */
export const isCancelTx = (t: Pick<TossTx, 'status'>): boolean => t.status === 'CANCELED' || t.status === 'PARTIAL_CANCELED';

/**
 * Compares both sides over the period [start, end). Both inputs may hold rows from a margin around
 * the period: they are used to match rows of the period whose other half fell just across a
 * boundary (our clock and Toss's differ by a second), but only rows inside the period are counted
 * or reported.
 */
export function reconcile(period: { start: Date; end: Date }, ours: { payments: OurPayment[]; refunds: OurRefund[] }, toss: TossTx[]): ReconciliationResult {
  const inPeriod = (d: Date) => d >= period.start && d < period.end;
  const mismatches: Mismatch[] = [];

  // Charges: by paymentKey, else by the Toss orderId order.paid carried.
  const byKey = new Map<string, OurPayment>();
  const byTossOrder = new Map<string, OurPayment>();
  for (const p of ours.payments) {
    if (p.paymentKey) byKey.set(p.paymentKey, p);
    if (p.tossOrderId) byTossOrder.set(p.tossOrderId, p);
  }
  const seen = new Set<string>();
  let matchedCharges = 0;
  for (const t of toss.filter((x) => !isCancelTx(x))) {
    const ourPayment = byKey.get(t.paymentKey) ?? byTossOrder.get(t.orderId);
    if (!ourPayment) {
      if (inPeriod(t.at)) mismatches.push(mismatch('MISSING_HERE', null, t, null, t.amount, [], 'Toss approved a payment that no order.paid announced'));
      continue;
    }
    seen.add(ourPayment.orderId);
    if (!inPeriod(t.at) && !inPeriod(ourPayment.paidAt)) continue;
    if (ourPayment.totalWon !== t.amount) {
      mismatches.push(mismatch('AMOUNT_MISMATCH', ourPayment, t, ourPayment.totalWon, t.amount, [], `we recorded ${ourPayment.totalWon} won, Toss approved ${t.amount} won`));
    } else if (inPeriod(ourPayment.paidAt)) matchedCharges += 1;
  }
  for (const p of ours.payments) {
    if (seen.has(p.orderId) || !inPeriod(p.paidAt)) continue;
    const detail = p.paymentKey || p.tossOrderId ? 'no approval at Toss for this payment in the period' : 'no approval at Toss found (order.paid carried no paymentKey or Toss orderId to match by)';
    mismatches.push({ kind: 'MISSING_AT_TOSS', orderId: p.orderId, tossOrderId: p.tossOrderId, paymentKey: p.paymentKey, ourAmountWon: p.totalWon, tossAmountWon: null, refundIds: [], transactionKeys: [], detail });
  }

  // Refunds: per paymentKey, each Toss cancel is paired with one of our refunds of the same amount.
  const oursByKey = groupBy(ours.refunds, (r) => r.paymentKey);
  const cancelsByKey = groupBy(
    toss.filter((t) => isCancelTx(t)),
    (t) => t.paymentKey,
  );
  for (const paymentKey of new Set([...oursByKey.keys(), ...cancelsByKey.keys()])) {
    const refunds = [...(oursByKey.get(paymentKey) ?? [])].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
    const cancels = [...(cancelsByKey.get(paymentKey) ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
    const unpairedCancels: TossTx[] = [];
    for (const c of cancels) {
      const i = refunds.findIndex((r) => r.amountWon === c.amount);
      if (i >= 0) refunds.splice(i, 1);
      else unpairedCancels.push(c);
    }
    const ourLeft = refunds.filter((r) => inPeriod(r.completedAt));
    const tossLeft = unpairedCancels.filter((c) => inPeriod(c.at));
    if (ourLeft.length === 0 && tossLeft.length === 0) continue;
    const payment = byKey.get(paymentKey) ?? (tossLeft[0] ? byTossOrder.get(tossLeft[0].orderId) : undefined);
    const ourSum = sum(ourLeft.map((r) => r.amountWon));
    const tossSum = sum(tossLeft.map((c) => c.amount));
    mismatches.push({
      kind: 'REFUND_MISMATCH',
      orderId: payment?.orderId ?? ourLeft[0]?.orderId ?? null,
      tossOrderId: payment?.tossOrderId ?? tossLeft[0]?.orderId ?? null,
      paymentKey,
      ourAmountWon: ourSum,
      tossAmountWon: tossSum,
      refundIds: ourLeft.map((r) => r.refundId),
      transactionKeys: tossLeft.map((c) => c.transactionKey),
      detail: `${ourLeft.length} refund(s) of ${ourSum} won here and ${tossLeft.length} cancel(s) of ${tossSum} won at Toss without a counterpart`,
    });
  }

  const ourPayments = ours.payments.filter((p) => inPeriod(p.paidAt));
  const ourRefunds = ours.refunds.filter((r) => inPeriod(r.completedAt));
  const approvals = toss.filter((t) => !isCancelTx(t) && inPeriod(t.at));
  const cancels = toss.filter((t) => isCancelTx(t) && inPeriod(t.at));
  return {
    ours: totals(ourPayments.map((p) => p.totalWon), ourRefunds.map((r) => r.amountWon)),
    toss: totals(approvals.map((t) => t.amount), cancels.map((t) => t.amount)),
    matchedCharges,
    mismatches: mismatches.sort((a, b) => a.kind.localeCompare(b.kind) || (a.orderId ?? a.tossOrderId ?? '').localeCompare(b.orderId ?? b.tossOrderId ?? '')),
  };
}

function mismatch(kind: MismatchKind, p: OurPayment | null, t: TossTx, ourAmountWon: number | null, tossAmountWon: number | null, refundIds: string[], detail: string): Mismatch {
  return { kind, orderId: p?.orderId ?? null, tossOrderId: t.orderId, paymentKey: t.paymentKey, ourAmountWon, tossAmountWon, refundIds, transactionKeys: [t.transactionKey], detail };
}

function totals(charges: number[], refunds: number[]): SideTotals {
  const chargedWon = sum(charges);
  const refundedWon = sum(refunds);
  return { charges: charges.length, chargedWon, refunds: refunds.length, refundedWon, netWon: chargedWon - refundedWon };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
