import { decideCancel, splitVat, type AcceptedCancel, type PaymentAmounts } from './payment-amounts.rules';

const paid = (amount: number, extra: Partial<PaymentAmounts> = {}): PaymentAmounts => ({
  status: 'DONE',
  totalAmount: amount,
  balanceAmount: amount,
  ...splitVat(amount, 0),
  taxFreeAmount: 0,
  taxExemptionAmount: 0,
  isPartialCancelable: true,
  ...extra,
});

describe('splitVat', () => {
  it.each([
    [15000, 1364, 13636],
    [30000, 2727, 27273],
    [9026, 821, 8205],
    [4900, 445, 4455],
  ])('%i won → vat %i, supplied %i (TOSS.md §3 samples)', (amount, vat, supplied) => {
    expect(splitVat(amount, 0)).toEqual({ vat, suppliedAmount: supplied });
  });
});

describe('decideCancel', () => {
  it('follows the documented partial-cancel example: 10,000 − 1,000 − 1,000 leaves 9,000 then 8,000', () => {
    const first = decideCancel(paid(10000), { cancelAmount: 1000, refundableAmount: 10000 }) as AcceptedCancel;
    expect(first.cancel.refundableAmount).toBe(9000);
    expect(first.next.status).toBe('PARTIAL_CANCELED');
    const second = decideCancel(first.next, { cancelAmount: 1000, refundableAmount: 9000 }) as AcceptedCancel;
    expect(second.cancel.refundableAmount).toBe(8000);
  });

  it('cancels the remaining balance when no amount is given, and VAT and supplied reach zero exactly', () => {
    let state = paid(9026);
    for (const amount of [1001, 333]) state = (decideCancel(state, { cancelAmount: amount }) as AcceptedCancel).next;
    const last = decideCancel(state, {}) as AcceptedCancel;
    expect(last.cancel.cancelAmount).toBe(9026 - 1001 - 333);
    expect(last.next).toMatchObject({ status: 'CANCELED', balanceAmount: 0, vat: 0, suppliedAmount: 0 });
  });

  it('refuses with the documented codes', () => {
    expect(decideCancel(paid(5000), { cancelAmount: 5001 })).toEqual({ refused: 'NOT_CANCELABLE_AMOUNT' });
    expect(decideCancel(paid(5000), { cancelAmount: 100, refundableAmount: 4900 })).toEqual({ refused: 'NOT_MATCHES_REFUNDABLE_AMOUNT' });
    expect(decideCancel(paid(5000, { status: 'CANCELED', balanceAmount: 0 }), {})).toEqual({ refused: 'ALREADY_CANCELED_PAYMENT' });
    expect(decideCancel(paid(5000, { status: 'ABORTED' }), {})).toEqual({ refused: 'NOT_CANCELABLE_PAYMENT' });
    expect(decideCancel(paid(5000, { taxExemptionAmount: 500, isPartialCancelable: false }), { cancelAmount: 100 })).toEqual({ refused: 'NOT_ALLOWED_PARTIAL_REFUND' });
  });

  it('still allows a full cancel of a payment that cannot be partially cancelled', () => {
    const full = decideCancel(paid(5000, { taxExemptionAmount: 500, isPartialCancelable: false }), {}) as AcceptedCancel;
    expect(full.next).toMatchObject({ status: 'CANCELED', taxExemptionAmount: 0 });
  });
});
