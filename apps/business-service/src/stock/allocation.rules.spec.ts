import { allocate, type AllocationOrder, type LockedOption, type OrderDecision } from './allocation.rules';

const A = 'aaaaaaaa-0000-7000-8000-000000000001';
const B = 'bbbbbbbb-0000-7000-8000-000000000002';
const GONE = 'cccccccc-0000-7000-8000-000000000003';
const options = (...rows: LockedOption[]) => new Map(rows.map((r) => [r.id, r]));
const order = (orderId: string, ...lines: Array<[string, number]>): AllocationOrder => ({ orderId, lines: lines.map(([optionId, quantity], i) => ({ lineId: `${orderId}-l${i}`, optionId, quantity })) });

describe('allocate (the in-memory decision over locked option rows)', () => {
  it('reserves in batch order until the units run out, each order wholly or not at all', () => {
    const r = allocate([order('o1', [A, 2], [B, 1]), order('o2', [A, 2], [B, 1]), order('o3', [A, 1])], options({ id: A, available: 3, sellable: true }, { id: B, available: 5, sellable: true }));
    expect(r.decisions).toEqual([
      { orderId: 'o1', outcome: 'RESERVED' },
      // o2 needs 2 of A where 1 is left: refused wholly, so its B line holds nothing either.
      { orderId: 'o2', outcome: 'REFUSED', reason: 'OUT_OF_STOCK', lines: [{ optionId: A, requested: 2, available: 1 }] },
      { orderId: 'o3', outcome: 'RESERVED' },
    ]);
    expect(r.reserved.map((o) => o.orderId)).toEqual(['o1', 'o3']);
    expect(Object.fromEntries(r.heldByOption)).toEqual({ [A]: 3, [B]: 1 });
  });

  it('adds up two lines of one order that name the same option', () => {
    const r = allocate([order('o1', [A, 2], [A, 2])], options({ id: A, available: 3, sellable: true }));
    expect(r.decisions[0]).toMatchObject({ outcome: 'REFUSED', reason: 'OUT_OF_STOCK' });
    expect(r.heldByOption.size).toBe(0);
  });

  it('refuses an unknown option before an unsellable one, and an unsellable one before missing stock', () => {
    const opts = options({ id: A, available: 0, sellable: true }, { id: B, available: 9, sellable: false });
    const [unknown, unavailable, out] = allocate([order('o1', [A, 1], [B, 1], [GONE, 1]), order('o2', [A, 1], [B, 1]), order('o3', [A, 1])], opts).decisions as Array<Extract<OrderDecision, { outcome: 'REFUSED' }>>;
    expect(unknown).toEqual({ orderId: 'o1', outcome: 'REFUSED', reason: 'UNKNOWN_OPTION', lines: [{ optionId: GONE, requested: 1, available: 0 }] });
    expect(unavailable).toMatchObject({ reason: 'PRODUCT_UNAVAILABLE', lines: [{ optionId: B, requested: 1, available: 9 }] });
    expect(out).toMatchObject({ reason: 'OUT_OF_STOCK', lines: [{ optionId: A, requested: 1, available: 0 }] });
  });

  it('keeps earlier decisions (re-sent batch, repeated order) and holds nothing more for them', () => {
    const prior = new Map<string, OrderDecision>([['o1', { orderId: 'o1', outcome: 'RESERVED' }]]);
    const r = allocate([order('o1', [A, 5]), order('o2', [A, 1]), order('o2', [A, 1])], options({ id: A, available: 1, sellable: true }), prior);
    expect(r.decisions).toEqual([
      { orderId: 'o1', outcome: 'RESERVED' },
      { orderId: 'o2', outcome: 'RESERVED' },
      { orderId: 'o2', outcome: 'RESERVED' },
    ]);
    expect(r.reserved.map((o) => o.orderId)).toEqual(['o2']);
    expect(r.heldByOption.get(A)).toBe(1);
  });

  it('never hands out more than is available, whatever the mix of orders', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 200; round++) {
      const avail = { [A]: rand(10), [B]: rand(10) };
      const orders = Array.from({ length: 1 + rand(12) }, (_, i) => order(`o${i}`, ...Array.from({ length: 1 + rand(3) }, (): [string, number] => [rand(2) ? A : B, 1 + rand(4)])));
      const r = allocate(orders, options({ id: A, available: avail[A], sellable: true }, { id: B, available: avail[B], sellable: true }));
      expect(r.heldByOption.get(A) ?? 0).toBeLessThanOrEqual(avail[A]);
      expect(r.heldByOption.get(B) ?? 0).toBeLessThanOrEqual(avail[B]);
      const held = r.reserved.flatMap((o) => o.lines).reduce((s, l) => s + l.quantity, 0);
      expect(held).toBe([...r.heldByOption.values()].reduce((s, q) => s + q, 0));
    }
  });
});
