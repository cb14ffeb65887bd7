import { type OurPayment, type OurRefund, reconcile, type TossTx } from './reconciliation.rules';

const period = { start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-02T15:00:00Z') };
const at = (iso: string) => new Date(iso);
const pay = (orderId: string, totalWon: number, paidAt = '2026-12-02T01:00:00Z', paymentKey: string | null = `pk-${orderId}`): OurPayment => ({
  orderId,
  paymentKey,
  tossOrderId: `t-${orderId}`,
  totalWon,
  paidAt: at(paidAt),
});
const approval = (orderId: string, amount: number, when = '2026-12-02T01:00:01Z'): TossTx => ({ transactionKey: `tx-a-${orderId}`, paymentKey: `pk-${orderId}`, orderId: `t-${orderId}`, status: 'DONE', amount, at: at(when) });
const cancel = (orderId: string, n: number, amount: number, when = '2026-12-02T02:00:00Z'): TossTx => ({ transactionKey: `tx-c-${orderId}-${n}`, paymentKey: `pk-${orderId}`, orderId: `t-${orderId}`, status: 'PARTIAL_CANCELED', amount, at: at(when) });
const refund = (orderId: string, n: number, amountWon: number, when = '2026-12-02T02:00:00Z'): OurRefund => ({ refundId: `r-${orderId}-${n}`, orderId, paymentKey: `pk-${orderId}`, amountWon, completedAt: at(when) });

describe('reconcile', () => {
  it('finds nothing when both sides agree, and totals both', () => {
    const r = reconcile(period, { payments: [pay('a', 10_000), pay('b', 5_000)], refunds: [refund('a', 1, 3_000)] }, [approval('a', 10_000), approval('b', 5_000), cancel('a', 1, 3_000)]);
    expect(r.mismatches).toEqual([]);
    expect(r.matchedCharges).toBe(2);
    expect(r.ours).toEqual({ charges: 2, chargedWon: 15_000, refunds: 1, refundedWon: 3_000, netWon: 12_000 });
    expect(r.toss).toEqual(r.ours);
  });

  it('lists each kind of mismatch with its ids and amounts', () => {
    const r = reconcile(
      period,
      { payments: [pay('here-only', 7_000), pay('diff', 10_000), pay('ref', 9_000)], refunds: [refund('ref', 1, 1_000)] },
      [approval('diff', 11_000), approval('toss-only', 4_000), approval('ref', 9_000), cancel('ref', 1, 2_000)],
    );
    expect(r.mismatches.map((m) => [m.kind, m.orderId ?? m.tossOrderId, m.ourAmountWon, m.tossAmountWon])).toEqual([
      ['AMOUNT_MISMATCH', 'diff', 10_000, 11_000],
      ['MISSING_AT_TOSS', 'here-only', 7_000, null],
      ['MISSING_HERE', 't-toss-only', null, 4_000],
      ['REFUND_MISMATCH', 'ref', 1_000, 2_000],
    ]);
    expect(r.mismatches[3]).toMatchObject({ refundIds: ['r-ref-1'], transactionKeys: ['tx-c-ref-1'], paymentKey: 'pk-ref' });
  });

  it('matches across the midnight boundary but reports only rows of the period', () => {
    // Ours just before midnight KST (the previous day), Toss's just after: not this day's business on our side.
    const straddling = pay('edge', 3_000, '2026-12-01T14:59:59.500Z');
    const r = reconcile(period, { payments: [straddling], refunds: [] }, [approval('edge', 3_000, '2026-12-01T15:00:00.200Z')]);
    expect(r.mismatches).toEqual([]);
    expect(r.ours.charges).toBe(0);
    expect(r.toss.charges).toBe(1);
  });

  it('matches by the Toss orderId when order.paid carried no paymentKey, and says so when it carried neither', () => {
    const byOrder = { ...pay('k', 1_000), paymentKey: null };
    const bare = { ...pay('bare', 2_000), paymentKey: null, tossOrderId: null };
    const r = reconcile(period, { payments: [byOrder, bare], refunds: [] }, [approval('k', 1_000)]);
    expect(r.mismatches).toEqual([expect.objectContaining({ kind: 'MISSING_AT_TOSS', orderId: 'bare', detail: expect.stringContaining('no paymentKey') })]);
  });
});
