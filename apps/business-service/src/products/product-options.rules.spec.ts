import { type KnownOption, reconcileEditOptions, reconcileMergeOptions } from './product-options.rules';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const a: KnownOption = { id: 'a', weightGrams: 200, grind: 'WHOLE_BEAN', retired: false };
const b: KnownOption = { id: 'b', weightGrams: 500, grind: 'FILTER', retired: false };
const gone: KnownOption = { id: 'gone', weightGrams: 1000, grind: 'ESPRESSO', retired: true };

describe('reconcileEditOptions', () => {
  it('keeps listed ids (new price, optional stock), creates new ones and retires the omitted', () => {
    const r = reconcileEditOptions([a, b, gone], [{ id: 'a', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19_000, stock: 7 }, { weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 70_000 }], ids());
    expect(r).toEqual({
      ok: true,
      plan: {
        options: [
          { id: 'a', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19_000 },
          { id: 'new-1', weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 70_000 },
        ],
        created: [{ id: 'new-1', weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 70_000, stock: 0 }],
        stockSets: [{ id: 'a', stock: 7 }],
        retired: ['b'],
      },
    });
  });

  it('never brings a retired id back, nor accepts an id of another product', () => {
    const r = reconcileEditOptions([a, gone], [{ id: 'gone', weightGrams: 1000, grind: 'ESPRESSO', priceWon: 1000 }, { id: 'elsewhere', weightGrams: 200, grind: 'FILTER', priceWon: 1000 }], ids());
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'options.0.id', message: expect.stringContaining('retired') },
        { path: 'options.1.id', message: 'not an option of this product' },
      ],
    });
  });

  it("refuses to change a kept option's weight or grind", () => {
    const r = reconcileEditOptions([a], [{ id: 'a', weightGrams: 250, grind: 'ESPRESSO', priceWon: 1000 }], ids());
    expect(r.ok === false && r.issues.map((i) => i.path)).toEqual(['options.0.weightGrams', 'options.0.grind']);
  });

  it('refuses duplicates: the same id twice, or two options with the same weight and grind', () => {
    const twice = reconcileEditOptions([a], [{ id: 'a', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 1000 }, { id: 'a', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 1000 }], ids());
    expect(twice.ok === false && twice.issues.map((i) => i.path)).toEqual(['options.1', 'options.1.id']);
    const same = reconcileEditOptions([], [{ weightGrams: 200, grind: 'FILTER', priceWon: 1000 }, { weightGrams: 200, grind: 'FILTER', priceWon: 2000 }], ids());
    expect(same.ok === false && same.issues).toEqual([{ path: 'options.1', message: 'same weight and grind as options.0' }]);
  });

  it('gives every new option a fresh id, also when weight and grind match a retired one', () => {
    const r = reconcileEditOptions([gone], [{ weightGrams: 1000, grind: 'ESPRESSO', priceWon: 1000, stock: 3 }], ids());
    expect(r.ok && r.plan.created).toEqual([{ id: 'new-1', weightGrams: 1000, grind: 'ESPRESSO', priceWon: 1000, stock: 3 }]);
    expect(r.ok && r.plan.retired).toEqual([]);
  });
});

describe('reconcileMergeOptions', () => {
  it("keeps the target's ids where weight and grind match, moves the source's otherwise, retires the rest", () => {
    const plan = reconcileMergeOptions(
      [a, b],
      [
        { id: 's1', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 21_000 },
        { id: 's2', weightGrams: 200, grind: 'ESPRESSO', priceWon: 21_000 },
      ],
    );
    expect(plan).toEqual({
      options: [
        { id: 'a', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 21_000 },
        { id: 's2', weightGrams: 200, grind: 'ESPRESSO', priceWon: 21_000 },
      ],
      moved: ['s2'],
      retired: ['b'],
    });
  });

  it('never maps two source options onto one target option', () => {
    const plan = reconcileMergeOptions([a], [
      { id: 's1', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 1 },
      { id: 's2', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 2 },
    ]);
    expect(plan.options.map((o) => o.id)).toEqual(['a', 's2']);
    expect(plan.retired).toEqual([]);
  });
});
