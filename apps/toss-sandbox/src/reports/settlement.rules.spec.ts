import { KOREAN_HOLIDAYS } from '../settings/korean-holidays';
import { addBusinessDays, cancelFeeRefunds, feeFor, splitFee } from './settlement.rules';

const holidays = new Set(KOREAN_HOLIDAYS);

describe('settlement rules', () => {
  it('splits fees like the real samples (TOSS.md §8.1)', () => {
    expect(splitFee(1492)).toEqual({ fee: 1492, supplyAmount: 1356, vat: 136 });
    expect(splitFee(-2250)).toEqual({ fee: -2250, supplyAmount: -2045, vat: -205 });
  });

  it('makes the cancel that empties the balance take the rest of the fee', () => {
    const approvalFee = feeFor(10_001, 320);
    const refunds = cancelFeeRefunds(10_001, approvalFee, [3_333, 3_333, 3_335], 320);
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(approvalFee);
  });

  it('counts payout days in business days, skipping weekends and Korean holidays', () => {
    expect(addBusinessDays('2025-06-18', 2, holidays)).toBe('2025-06-20'); // Wed → Fri
    expect(addBusinessDays('2025-06-20', 2, holidays)).toBe('2025-06-24'); // Fri → Tue
    expect(addBusinessDays('2025-01-24', 2, holidays)).toBe('2025-02-03'); // across Seollal 01-27..30
    expect(addBusinessDays('2023-11-25', 4, holidays)).toBe('2023-11-30'); // the Sat → Thu sample
  });
});
