/** The amount fields of a payment that cancels change. */
export interface PaymentAmounts {
  status: 'DONE' | 'PARTIAL_CANCELED' | 'CANCELED' | 'ABORTED';
  totalAmount: number;
  balanceAmount: number;
  suppliedAmount: number;
  vat: number;
  taxFreeAmount: number;
  taxExemptionAmount: number;
  isPartialCancelable: boolean;
}

/** A cancel request's amounts (validated as integer won before). */
export interface CancelAmounts {
  cancelAmount?: number;
  refundableAmount?: number;
  taxFreeAmount?: number;
}

/** The Toss error a cancel is refused with. */
export type CancelRefusal =
  | 'NOT_CANCELABLE_PAYMENT'
  | 'ALREADY_CANCELED_PAYMENT'
  | 'NOT_MATCHES_REFUNDABLE_AMOUNT'
  | 'NOT_CANCELABLE_AMOUNT'
  | 'NOT_ALLOWED_PARTIAL_REFUND'
  | 'INVALID_REQUEST';

/** An accepted cancel: its entry and the payment's amounts after it. */
export interface AcceptedCancel {
  cancel: { cancelAmount: number; taxFreeAmount: number; taxExemptionAmount: number; refundableAmount: number };
  next: PaymentAmounts;
}

/**
 * Toss's VAT rule: vat = round half-up((amount − taxFree) / 11), supplied = amount − taxFree − vat.
 * (n/11 never ends in exactly .5 for an integer n, so Math.round is exact.)
 */
export function splitVat(amount: number, taxFreeAmount: number): { vat: number; suppliedAmount: number } {
  const vat = Math.round((amount - taxFreeAmount) / 11);
  return { vat, suppliedAmount: amount - taxFreeAmount - vat };
}

/**
 * Decides a cancel against the current balance: omitted cancelAmount cancels the whole balance;
 * a refundableAmount that differs from the balance refuses the cancel; the last cancel takes
 * whatever VAT and supplied amount are left, so the totals always reach exactly zero.
 */
export function decideCancel(payment: PaymentAmounts, request: CancelAmounts): AcceptedCancel | { refused: CancelRefusal } {
  if (payment.status === 'ABORTED') return { refused: 'NOT_CANCELABLE_PAYMENT' };
  if (payment.status === 'CANCELED' || payment.balanceAmount === 0) return { refused: 'ALREADY_CANCELED_PAYMENT' };
  if (request.refundableAmount !== undefined && request.refundableAmount !== payment.balanceAmount) {
    return { refused: 'NOT_MATCHES_REFUNDABLE_AMOUNT' };
  }
  const cancelAmount = request.cancelAmount ?? payment.balanceAmount;
  if (cancelAmount <= 0) return { refused: 'INVALID_REQUEST' };
  if (cancelAmount > payment.balanceAmount) return { refused: 'NOT_CANCELABLE_AMOUNT' };
  const full = cancelAmount === payment.balanceAmount;
  if (!full && !payment.isPartialCancelable) return { refused: 'NOT_ALLOWED_PARTIAL_REFUND' };

  const taxFree = full ? payment.taxFreeAmount : (request.taxFreeAmount ?? 0);
  if (taxFree > cancelAmount || taxFree > payment.taxFreeAmount) return { refused: 'INVALID_REQUEST' };
  const exemption = full ? payment.taxExemptionAmount : 0;
  const split = full ? { vat: payment.vat, suppliedAmount: payment.suppliedAmount } : splitVat(cancelAmount - exemption, taxFree);
  const vat = Math.min(split.vat, payment.vat);
  const supplied = Math.min(cancelAmount - taxFree - exemption - vat, payment.suppliedAmount);
  const balance = payment.balanceAmount - cancelAmount;

  return {
    cancel: { cancelAmount, taxFreeAmount: taxFree, taxExemptionAmount: exemption, refundableAmount: balance },
    next: {
      ...payment,
      status: balance === 0 ? 'CANCELED' : 'PARTIAL_CANCELED',
      balanceAmount: balance,
      vat: payment.vat - vat,
      suppliedAmount: payment.suppliedAmount - supplied,
      taxFreeAmount: payment.taxFreeAmount - taxFree,
      taxExemptionAmount: payment.taxExemptionAmount - exemption,
    },
  };
}
