import { VERSION_STATUSES } from '@roastery/contracts';
import { classifyDecision, classifyMerge, editPlan, isOpen, productStatusOf, submitRefusal } from './product.rules';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('product status', () => {
  it('is the closing status once closed', () => {
    expect(productStatusOf({ closed: 'WITHDRAWN', onSaleVersion: 1, newestStatus: 'APPROVED' })).toBe('WITHDRAWN');
    expect(productStatusOf({ closed: 'MERGED', onSaleVersion: null, newestStatus: 'SUPERSEDED' })).toBe('MERGED');
  });

  it('stays APPROVED while the next version is drafted, reviewed or rejected', () => {
    for (const s of ['DRAFT', 'IN_REVIEW', 'REJECTED', 'APPROVED'] as const) expect(productStatusOf({ closed: null, onSaleVersion: 1, newestStatus: s })).toBe('APPROVED');
  });

  it('follows the newest version before anything is on sale', () => {
    for (const s of ['DRAFT', 'IN_REVIEW', 'REJECTED'] as const) expect(productStatusOf({ closed: null, onSaleVersion: null, newestStatus: s })).toBe(s);
  });

  it('knows open from closed', () => {
    expect(isOpen('APPROVED')).toBe(true);
    expect(isOpen('WITHDRAWN')).toBe(false);
    expect(isOpen('MERGED')).toBe(false);
  });
});

describe('editing and submitting', () => {
  it('edits drafts and rejected versions in place, starts a new version after approval, refuses a version in review', () => {
    expect(editPlan({ version: 1, status: 'DRAFT' })).toEqual({ kind: 'IN_PLACE' });
    expect(editPlan({ version: 2, status: 'REJECTED' })).toEqual({ kind: 'IN_PLACE' });
    expect(editPlan({ version: 1, status: 'APPROVED' })).toEqual({ kind: 'NEW_VERSION' });
    expect(editPlan({ version: 3, status: 'IN_REVIEW' })).toMatchObject({ kind: 'REFUSED', reason: expect.stringContaining('in review') });
    expect(editPlan({ version: 3, status: 'SUPERSEDED' }).kind).toBe('REFUSED');
  });

  it('submits only drafts and rejected versions', () => {
    const allowed = VERSION_STATUSES.filter((s) => submitRefusal({ version: 1, status: s }) === null);
    expect(allowed).toEqual(['DRAFT', 'REJECTED']);
  });
});

describe('classifyDecision', () => {
  it('applies a decision on a version in review', () => {
    expect(classifyDecision({ status: 'IN_REVIEW', decidedAt: null }, { kind: 'APPROVE', decidedAt: t(1) })).toBe('APPLY');
    expect(classifyDecision({ status: 'IN_REVIEW', decidedAt: t(1) }, { kind: 'REJECT', decidedAt: t(5) })).toBe('APPLY');
  });

  it('ignores a decision from an earlier review round of the same version', () => {
    expect(classifyDecision({ status: 'IN_REVIEW', decidedAt: t(5) }, { kind: 'REJECT', decidedAt: t(5) })).toBe('STALE');
    expect(classifyDecision({ status: 'IN_REVIEW', decidedAt: t(5) }, { kind: 'APPROVE', decidedAt: t(4) })).toBe('STALE');
    expect(classifyDecision({ status: 'APPROVED', decidedAt: t(5) }, { kind: 'REJECT', decidedAt: t(4) })).toBe('STALE');
  });

  it('ignores any decision about a superseded version', () => {
    expect(classifyDecision({ status: 'SUPERSEDED', decidedAt: t(5) }, { kind: 'APPROVE', decidedAt: t(9) })).toBe('STALE');
  });

  it('treats the same verdict again as a repeat', () => {
    expect(classifyDecision({ status: 'APPROVED', decidedAt: t(5) }, { kind: 'APPROVE', decidedAt: t(5) })).toBe('REPEAT');
    expect(classifyDecision({ status: 'REJECTED', decidedAt: t(5) }, { kind: 'REJECT', decidedAt: t(6) })).toBe('REPEAT');
  });

  it('calls a different verdict on a decided version, or a verdict on a draft, contradictory', () => {
    expect(classifyDecision({ status: 'APPROVED', decidedAt: t(5) }, { kind: 'REJECT', decidedAt: t(6) })).toBe('CONTRADICTORY');
    expect(classifyDecision({ status: 'REJECTED', decidedAt: t(5) }, { kind: 'APPROVE', decidedAt: t(5) })).toBe('CONTRADICTORY');
    expect(classifyDecision({ status: 'DRAFT', decidedAt: null }, { kind: 'APPROVE', decidedAt: t(1) })).toBe('CONTRADICTORY');
  });
});

describe('classifyMerge', () => {
  const partnerId = 'p1';
  const source = { id: 's', partnerId, status: 'IN_REVIEW' as const, mergedIntoProductId: null, newest: { version: 1, status: 'IN_REVIEW' as const } };
  const target = { id: 't', partnerId, status: 'APPROVED' as const, mergedIntoProductId: null };
  const event = { partnerId, sourceVersion: 1 };

  it('applies a merge of a source in review into an open product of the same partner', () => {
    expect(classifyMerge(source, target, event)).toEqual({ kind: 'APPLY' });
  });

  it('is a repeat once the source was merged into this target', () => {
    expect(classifyMerge({ ...source, status: 'MERGED', mergedIntoProductId: 't', newest: { version: 1, status: 'SUPERSEDED' } }, target, event)).toEqual({ kind: 'REPEAT' });
  });

  it.each([
    ['another partner', source, { ...target, partnerId: 'p2' }, event],
    ['the event names another partner', source, target, { ...event, partnerId: 'p2' }],
    ['itself', source, { ...target, id: 's' }, event],
    ['already merged elsewhere', { ...source, status: 'MERGED' as const, mergedIntoProductId: 'x' }, target, event],
    ['a withdrawn source', { ...source, status: 'WITHDRAWN' as const }, target, event],
    ['a withdrawn target', source, { ...target, status: 'WITHDRAWN' as const }, event],
    ['a merged target', source, { ...target, status: 'MERGED' as const }, event],
    ['another version', source, target, { ...event, sourceVersion: 2 }],
    ['a source not in review', { ...source, newest: { version: 1, status: 'DRAFT' as const } }, target, event],
  ])('refuses %s as contradictory', (_what, s, tg, e) => {
    expect(classifyMerge(s, tg, e).kind).toBe('CONTRADICTORY');
  });
});
