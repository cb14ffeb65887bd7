import { type OrderLineInput, type PricedOrder, type PricingResult, commissionOf, priceOrder, vatOf } from './order-pricing.rules';

function priced(result: PricingResult): PricedOrder {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.order;
}

const line = (over: Partial<OrderLineInput> = {}): OrderLineInput => ({
  lineKey: 'l1',
  partnerId: 'roaster-a',
  unitPriceWon: 18_000,
  quantity: 2,
  commissionRateBp: 1_080,
  ...over,
});
const policies = { 'roaster-a': { feeWon: 3_000, freeThresholdWon: 30_000 }, 'roaster-b': { feeWon: 2_500, freeThresholdWon: 50_000 } };

describe('priceOrder', () => {
  it('prices a line: total, commission (floor), VAT (Toss rounding) and the free-shipping threshold', () => {
    const order = priced(priceOrder({ lines: [line()], shippingPolicies: policies }));
    expect(order.lines[0]).toEqual({
      lineKey: 'l1',
      partnerId: 'roaster-a',
      unitPriceWon: 18_000,
      quantity: 2,
      grossWon: 36_000,
      discountWon: 0,
      discountFundedBy: null,
      lineTotalWon: 36_000,
      commissionRateBp: 1_080,
      commissionWon: 3_888,
      vatWon: 3_273, // 36 000 / 11 = 3 272.7…
    });
    expect(order.shipping).toEqual([{ partnerId: 'roaster-a', merchandiseWon: 36_000, feeWon: 0, vatWon: 0 }]);
    expect(order).toMatchObject({ merchandiseWon: 36_000, shippingWon: 0, totalWon: 36_000, vatWon: 3_273 });
  });

  it('charges a partner fee below the threshold after discounts, once per partner, and nothing at the threshold', () => {
    const order = priced(
      priceOrder({
        lines: [
          line({ lineKey: 'a1', unitPriceWon: 16_000, quantity: 2, discountWon: 3_000, discountFundedBy: 'PLATFORM' }), // 29 000
          line({ lineKey: 'b1', partnerId: 'roaster-b', unitPriceWon: 12_000, quantity: 1 }),
          line({ lineKey: 'b2', partnerId: 'roaster-b', unitPriceWon: 9_000, quantity: 1 }),
        ],
        shippingPolicies: policies,
      }),
    );
    expect(order.shipping).toEqual([
      { partnerId: 'roaster-a', merchandiseWon: 29_000, feeWon: 3_000, vatWon: 273 },
      { partnerId: 'roaster-b', merchandiseWon: 21_000, feeWon: 2_500, vatWon: 227 },
    ]);
    expect(order).toMatchObject({ merchandiseWon: 50_000, shippingWon: 5_500, totalWon: 55_500, vatWon: 5_045 });
    const atThreshold = priced(priceOrder({ lines: [line({ unitPriceWon: 15_000 })], shippingPolicies: policies }));
    expect(atThreshold.shippingWon).toBe(0);
  });

  it('caps a discount at the line and never goes below zero', () => {
    const order = priced(priceOrder({ lines: [line({ discountWon: 50_000, discountFundedBy: 'PARTNER' })], shippingPolicies: policies }));
    expect(order.lines[0]).toMatchObject({ grossWon: 36_000, discountWon: 36_000, discountFundedBy: 'PARTNER', lineTotalWon: 0, commissionWon: 0, vatWon: 0 });
    expect(order).toMatchObject({ merchandiseWon: 0, shippingWon: 3_000, totalWon: 3_000 });
  });

  it('rounds commission down and VAT as Toss does', () => {
    expect(commissionOf(9_999, 1_080)).toBe(1_079); // 1 079.89
    expect(commissionOf(10_000, 10_000)).toBe(10_000);
    expect(commissionOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(commissionOf(123, 0)).toBe(0);
    expect(vatOf(0)).toBe(0);
    expect(vatOf(5)).toBe(0); // 0.45
    expect(vatOf(6)).toBe(1); // 0.54
    expect(vatOf(11_000)).toBe(1_000);
  });

  it('refuses bad input with a typed reason naming the line or partner', () => {
    const refuse = (over: Partial<OrderLineInput>) => priceOrder({ lines: [line(over)], shippingPolicies: policies });
    expect(priceOrder({ lines: [], shippingPolicies: policies })).toEqual({ ok: false, reason: 'NO_LINES' });
    expect(refuse({ quantity: 0 })).toEqual({ ok: false, reason: 'INVALID_QUANTITY', lineKey: 'l1' });
    expect(refuse({ quantity: -1 }).ok).toBe(false);
    expect(refuse({ quantity: 1.5 })).toMatchObject({ reason: 'INVALID_QUANTITY' });
    expect(refuse({ unitPriceWon: 100.5 })).toMatchObject({ reason: 'INVALID_PRICE' });
    expect(refuse({ unitPriceWon: -1 })).toMatchObject({ reason: 'INVALID_PRICE' });
    expect(refuse({ unitPriceWon: Number.NaN })).toMatchObject({ reason: 'INVALID_PRICE' });
    expect(refuse({ commissionRateBp: 10_001 })).toMatchObject({ reason: 'INVALID_COMMISSION_RATE' });
    expect(refuse({ commissionRateBp: 10.5 })).toMatchObject({ reason: 'INVALID_COMMISSION_RATE' });
    expect(refuse({ discountWon: -100, discountFundedBy: 'PLATFORM' })).toMatchObject({ reason: 'INVALID_DISCOUNT' });
    expect(refuse({ discountWon: 100 })).toMatchObject({ reason: 'DISCOUNT_FUNDER_MISSING' });
    expect(refuse({ unitPriceWon: 2 ** 40, quantity: 2 ** 14 })).toMatchObject({ reason: 'AMOUNT_TOO_LARGE' });
    expect(refuse({ partnerId: 'unknown' })).toEqual({ ok: false, reason: 'MISSING_SHIPPING_POLICY', partnerId: 'unknown' });
    expect(refuse({ partnerId: 'toString' })).toMatchObject({ reason: 'MISSING_SHIPPING_POLICY' });
    expect(priceOrder({ lines: [line(), line()], shippingPolicies: policies })).toEqual({ ok: false, reason: 'DUPLICATE_LINE_KEY', lineKey: 'l1' });
    expect(priceOrder({ lines: [line()], shippingPolicies: { 'roaster-a': { feeWon: -1, freeThresholdWon: 0 } } })).toMatchObject({
      reason: 'INVALID_SHIPPING_POLICY',
    });
    const big = Number.MAX_SAFE_INTEGER - 10;
    expect(priceOrder({ lines: [line({ unitPriceWon: big, quantity: 1 }), line({ lineKey: 'l2', unitPriceWon: big, quantity: 1 })], shippingPolicies: policies })).toMatchObject({
      reason: 'AMOUNT_TOO_LARGE',
    });
  });
});
