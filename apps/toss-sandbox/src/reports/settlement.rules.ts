/** A settlement row's fee split: supply value and VAT of the fee itself (not of the payment). */
export interface FeeParts {
  fee: number;
  supplyAmount: number;
  vat: number;
}

/** Splits a fee into supply and VAT (fee 1492 → 1356 + 136); negative fees split symmetrically. */
export function splitFee(fee: number): FeeParts {
  const sign = fee < 0 ? -1 : 1;
  const abs = Math.abs(fee);
  const supply = Math.round((abs * 10) / 11);
  return { fee, supplyAmount: sign * supply || 0, vat: sign * (abs - supply) || 0 };
}

/** The fee on an amount at a rate in basis points, rounded half-up to whole won. */
export function feeFor(amount: number, feeRateBp: number): number {
  return Math.round((amount * feeRateBp) / 10_000);
}

/**
 * Fees of a payment's cancels, as positive refunds in cancel order: each is its share at the
 * payment's rate, except that the cancel emptying the balance takes what is left of the approval
 * fee, so a fully cancelled payment nets to zero fee.
 */
export function cancelFeeRefunds(totalAmount: number, approvalFee: number, cancelAmounts: number[], feeRateBp: number): number[] {
  let cancelled = 0;
  let refunded = 0;
  return cancelAmounts.map((amount) => {
    cancelled += amount;
    const refund = cancelled >= totalAmount ? approvalFee - refunded : feeFor(amount, feeRateBp);
    refunded += refund;
    return refund;
  });
}

/** True on weekdays that are not holidays. */
export function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(date);
}

/** The date N business days after `date` (yyyy-MM-dd), skipping weekends and holidays. */
export function addBusinessDays(date: string, days: number, holidays: ReadonlySet<string>): string {
  let current = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    current = new Date(current.getTime() + 86_400_000);
    if (isBusinessDay(current.toISOString().slice(0, 10), holidays)) left--;
  }
  return current.toISOString().slice(0, 10);
}
