import fc from 'fast-check';
import { planRefund, type RefundPlanInput } from './refund-plan.rules';

const base = (over: Partial<RefundPlanInput> = {}): RefundPlanInput => ({
  role: 'ADMIN',
  partnerId: null,
  requestedWon: 5_000,
  paid: true,
  confirmed: false,
  balanceWon: 39_000,
  lines: [
    { id: 'l1', partnerId: 'p1', lineTotalWon: 18_000, refundedWon: 0 },
    { id: 'l2', partnerId: 'p2', lineTotalWon: 18_000, refundedWon: 0 },
  ],
  shipping: [{ partnerId: 'p2', feeWon: 3_000, refundedWon: 0 }],
  partnerLimitWon: 50_000,
  ...over,
});

describe('planRefund', () => {
  it('spreads a partial refund over the lines in order, then the shipping fees', () => {
    expect(planRefund(base({ requestedWon: 20_000 }))).toEqual({
      ok: true,
      amountWon: 20_000,
      allocation: { lines: [{ lineId: 'l1', partnerId: 'p1', amountWon: 18_000 }, { lineId: 'l2', partnerId: 'p2', amountWon: 2_000 }], shipping: [] },
    });
    expect(planRefund(base({ requestedWon: null }))).toMatchObject({ ok: true, amountWon: 39_000, allocation: { shipping: [{ partnerId: 'p2', amountWon: 3_000 }] } });
  });

  it('limits a partner to its own lines and fee, and to its limit', () => {
    expect(planRefund(base({ role: 'PARTNER', partnerId: 'p2', requestedWon: null }))).toMatchObject({ ok: true, amountWon: 21_000 });
    expect(planRefund(base({ role: 'PARTNER', partnerId: 'p1', requestedWon: 18_001 }))).toMatchObject({ ok: false, code: 'ABOVE_BALANCE' });
    expect(planRefund(base({ role: 'PARTNER', partnerId: 'p9' }))).toMatchObject({ ok: false, code: 'NOT_PARTNERS_ORDER' });
    expect(planRefund(base({ role: 'PARTNER', partnerId: 'p1', requestedWon: 10_000, partnerLimitWon: 5_000 }))).toMatchObject({ ok: false, code: 'ABOVE_PARTNER_LIMIT' });
  });

  it.each([
    ['an unpaid order', { paid: false }, 'NOT_PAID'],
    ['zero', { requestedWon: 0 }, 'ABOVE_BALANCE'],
    ['a fraction', { requestedWon: 10.5 }, 'ABOVE_BALANCE'],
    ['above the balance', { requestedWon: 39_001 }, 'ABOVE_BALANCE'],
    ['a subscriber on a confirmed purchase', { role: 'SUBSCRIBER' as const, confirmed: true }, 'PURCHASE_CONFIRMED'],
    ['nothing left', { balanceWon: 0, requestedWon: null }, 'ABOVE_BALANCE'],
  ])('refuses %s', (_what, over, code) => {
    expect(planRefund(base(over))).toMatchObject({ ok: false, code });
  });

  it('lets an admin refund a confirmed purchase', () => {
    expect(planRefund(base({ confirmed: true }))).toMatchObject({ ok: true, amountWon: 5_000 });
  });

  it('never gives back more than the balance or a line more than is left of it (any sequence of refunds)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ amount: fc.option(fc.integer({ min: -10, max: 50_000 }), { nil: null }), partner: fc.constantFrom(null, 'p1', 'p2') }), { maxLength: 30 }), (requests) => {
        let input = base();
        let refunded = 0;
        for (const r of requests) {
          const plan = planRefund({ ...input, role: r.partner ? 'PARTNER' : 'ADMIN', partnerId: r.partner, requestedWon: r.amount });
          if (!plan.ok) continue;
          const lineSum = plan.allocation.lines.reduce((n, l) => n + l.amountWon, 0) + plan.allocation.shipping.reduce((n, s) => n + s.amountWon, 0);
          expect(lineSum).toBe(plan.amountWon);
          expect(plan.amountWon).toBeGreaterThan(0);
          refunded += plan.amountWon;
          input = {
            ...input,
            balanceWon: input.balanceWon - plan.amountWon,
            lines: input.lines.map((l) => ({ ...l, refundedWon: l.refundedWon + (plan.allocation.lines.find((a) => a.lineId === l.id)?.amountWon ?? 0) })),
            shipping: input.shipping.map((s) => ({ ...s, refundedWon: s.refundedWon + (plan.allocation.shipping.find((a) => a.partnerId === s.partnerId)?.amountWon ?? 0) })),
          };
          for (const l of input.lines) expect(l.refundedWon).toBeLessThanOrEqual(l.lineTotalWon);
          for (const s of input.shipping) expect(s.refundedWon).toBeLessThanOrEqual(s.feeWon);
        }
        expect(refunded).toBeLessThanOrEqual(39_000);
        expect(input.balanceWon).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
