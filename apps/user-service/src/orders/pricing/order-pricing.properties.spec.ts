import fc from 'fast-check';
import { type OrderLineInput, type ShippingPolicy, priceOrder } from './order-pricing.rules';

/* Money properties of order pricing over random multi-partner orders. */

const partnerArb = fc.constantFrom('p1', 'p2', 'p3', 'p4');
const lineArb = fc.record(
  {
    partnerId: partnerArb,
    unitPriceWon: fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
    quantity: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 100_000 })),
    commissionRateBp: fc.integer({ min: 0, max: 10_000 }),
    discountWon: fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 2 ** 45 })),
    discountFundedBy: fc.constantFrom('PLATFORM' as const, 'PARTNER' as const),
  },
  { requiredKeys: ['partnerId', 'unitPriceWon', 'quantity', 'commissionRateBp'] },
);
const policyArb: fc.Arbitrary<ShippingPolicy> = fc.record({ feeWon: fc.integer({ min: 0, max: 10_000 }), freeThresholdWon: fc.integer({ min: 0, max: 100_000 }) });
const inputArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }).map((ls) =>
    ls.map((l, i): OrderLineInput => ({ ...l, lineKey: `line-${i}`, discountFundedBy: l.discountWon ? (l.discountFundedBy ?? 'PLATFORM') : l.discountFundedBy })),
  ),
  shippingPolicies: fc.record({ p1: policyArb, p2: policyArb, p3: policyArb, p4: policyArb }),
});

describe('order pricing properties', () => {
  it('keeps every amount a non-negative safe integer, lines within their price, and the total equal to its parts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceOrder(input);
        if (!r.ok) throw new Error(`refused: ${r.reason}`);
        const { order } = r;
        const amounts = [
          ...order.lines.flatMap((l) => [l.grossWon, l.discountWon, l.lineTotalWon, l.commissionWon, l.vatWon]),
          ...order.shipping.flatMap((s) => [s.merchandiseWon, s.feeWon, s.vatWon]),
          order.merchandiseWon,
          order.shippingWon,
          order.totalWon,
          order.vatWon,
        ];
        expect(amounts.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
        order.lines.forEach((l, i) => {
          const asked = input.lines[i];
          expect(l.grossWon).toBe(asked.unitPriceWon * asked.quantity);
          expect(l.lineTotalWon).toBeLessThanOrEqual(l.grossWon);
          expect(l.lineTotalWon).toBe(l.grossWon - l.discountWon);
          expect(l.discountWon).toBe(Math.min(asked.discountWon ?? 0, l.grossWon));
          expect(l.commissionWon).toBeLessThanOrEqual(l.lineTotalWon);
          expect(l.vatWon).toBeLessThanOrEqual(l.lineTotalWon);
        });
        const lineSum = order.lines.reduce((a, l) => a + l.lineTotalWon, 0);
        const feeSum = order.shipping.reduce((a, s) => a + s.feeWon, 0);
        expect(order.merchandiseWon).toBe(lineSum);
        expect(order.totalWon).toBe(lineSum + feeSum);
        // one fee per partner in the order, charged exactly when below that partner's threshold
        expect(order.shipping.map((s) => s.partnerId)).toEqual([...new Set(input.lines.map((l) => l.partnerId))]);
        for (const s of order.shipping) {
          const policy = input.shippingPolicies[s.partnerId as 'p1'];
          expect(s.merchandiseWon).toBe(order.lines.filter((l) => l.partnerId === s.partnerId).reduce((a, l) => a + l.lineTotalWon, 0));
          expect(s.feeWon).toBe(s.merchandiseWon < policy.freeThresholdWon ? policy.feeWon : 0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('computes commission as floor(lineTotal × rate) and VAT as round(amount / 11), exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (price, rate) => {
        const r = priceOrder({ lines: [{ lineKey: 'x', partnerId: 'p', unitPriceWon: price, quantity: 1, commissionRateBp: rate }], shippingPolicies: { p: { feeWon: 0, freeThresholdWon: 0 } } });
        if (!r.ok) throw new Error(r.reason);
        const l = r.order.lines[0];
        const exact = BigInt(price) * BigInt(rate);
        expect(BigInt(l.commissionWon) * 10_000n <= exact && exact < BigInt(l.commissionWon + 1) * 10_000n).toBe(true);
        // |11·vat − amount| ≤ 5: the nearest integer to amount / 11
        expect(Math.abs(11 * l.vatWon - price)).toBeLessThanOrEqual(5);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses, never prices, a quantity or price that is not a valid integer', () => {
    const bad = fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true }), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(bad, fc.boolean(), (value, asQuantity) => {
        const valid: OrderLineInput = { lineKey: 'x', partnerId: 'p', unitPriceWon: 1_000, quantity: 1, commissionRateBp: 0 };
        const l: OrderLineInput = asQuantity ? { ...valid, quantity: value } : { ...valid, unitPriceWon: value === 0 ? -1 : value };
        const r = priceOrder({ lines: [l], shippingPolicies: { p: { feeWon: 0, freeThresholdWon: 0 } } });
        expect(r).toMatchObject({ ok: false, reason: asQuantity ? 'INVALID_QUANTITY' : 'INVALID_PRICE' });
      }),
    );
  });
});
