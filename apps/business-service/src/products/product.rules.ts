import type { ProductStatus, VersionStatus } from '@roastery/contracts';

/** Statuses after which a product takes no more edits, submissions or stock changes. */
export const CLOSED_PRODUCT_STATUSES: readonly ProductStatus[] = ['WITHDRAWN', 'MERGED'];

/** Whether the partner may still change the product (edit, submit, stock). */
export function isOpen(status: ProductStatus): boolean {
  return !CLOSED_PRODUCT_STATUSES.includes(status);
}

/**
 * The product's status as listed: closed products keep their closing status; a product with an
 * approved version on sale is APPROVED (even while its next version is drafted or reviewed);
 * otherwise it is whatever its newest version is.
 */
export function productStatusOf(p: { closed: 'WITHDRAWN' | 'MERGED' | null; onSaleVersion: number | null; newestStatus: VersionStatus }): ProductStatus {
  if (p.closed) return p.closed;
  if (p.onSaleVersion !== null) return 'APPROVED';
  if (p.newestStatus === 'SUPERSEDED') throw new Error('an open product cannot have a superseded newest version');
  return p.newestStatus;
}

/** What an edit does to the newest version, or why it is refused. */
export type EditPlan = { kind: 'IN_PLACE' } | { kind: 'NEW_VERSION' } | { kind: 'REFUSED'; reason: string };

/**
 * Edits change a DRAFT or REJECTED newest version in place; an APPROVED newest version stays on
 * sale and the edit starts the next version as a DRAFT copy; a version in review cannot change.
 */
export function editPlan(newest: { version: number; status: VersionStatus }): EditPlan {
  switch (newest.status) {
    case 'DRAFT':
    case 'REJECTED':
      return { kind: 'IN_PLACE' };
    case 'APPROVED':
      return { kind: 'NEW_VERSION' };
    case 'IN_REVIEW':
      return { kind: 'REFUSED', reason: `version ${newest.version} is in review and cannot be edited until it is decided` };
    case 'SUPERSEDED':
      return { kind: 'REFUSED', reason: `version ${newest.version} was superseded` };
  }
}

/** Why the newest version cannot be submitted, or null when it can (content checks come after). */
export function submitRefusal(newest: { version: number; status: VersionStatus }): string | null {
  switch (newest.status) {
    case 'DRAFT':
    case 'REJECTED':
      return null;
    case 'IN_REVIEW':
      return `version ${newest.version} is already in review`;
    case 'APPROVED':
      return `version ${newest.version} is already approved; edit the product to start a new version`;
    case 'SUPERSEDED':
      return `version ${newest.version} was superseded`;
  }
}

/** What to do with a reviewer's decision that arrives as an event. */
export type DecisionOutcome = 'APPLY' | 'REPEAT' | 'STALE' | 'CONTRADICTORY';

/**
 * Classifies an admin decision (approve or reject) about one version. A version may be reviewed
 * more than once (rejected, fixed in place, resubmitted), so decisions are ordered by their time
 * against the last decision recorded on the version: an older one is stale, the same one again is
 * a repeat, and a different verdict on a decided version is a contradiction for a human.
 */
export function classifyDecision(version: { status: VersionStatus; decidedAt: Date | null }, decision: { kind: 'APPROVE' | 'REJECT'; decidedAt: Date }): DecisionOutcome {
  const last = version.decidedAt?.getTime() ?? null;
  const at = decision.decidedAt.getTime();
  switch (version.status) {
    case 'SUPERSEDED':
      return 'STALE';
    case 'DRAFT':
      // A decision about a version that was never sent for review.
      return 'CONTRADICTORY';
    case 'IN_REVIEW':
      return last !== null && at <= last ? 'STALE' : 'APPLY';
    case 'APPROVED':
    case 'REJECTED': {
      if (last !== null && at < last) return 'STALE';
      const same = (version.status === 'APPROVED') === (decision.kind === 'APPROVE');
      return same ? 'REPEAT' : 'CONTRADICTORY';
    }
  }
}

/** What a merge of one product into another does, as seen from both products' state. */
export type MergeOutcome = { kind: 'APPLY' } | { kind: 'REPEAT' } | { kind: 'CONTRADICTORY'; reason: string };

interface MergeSide {
  id: string;
  partnerId: string;
  status: ProductStatus;
  mergedIntoProductId: string | null;
}

/**
 * A confirmed duplicate folds the source's submitted version into the target, same roaster only.
 * Repeats are no-ops; anything that does not fit (another roaster, a closed target, a source that
 * is withdrawn or not in review at that version) is a contradiction.
 */
export function classifyMerge(
  source: MergeSide & { newest: { version: number; status: VersionStatus } },
  target: MergeSide,
  event: { partnerId: string; sourceVersion: number },
): MergeOutcome {
  const no = (reason: string): MergeOutcome => ({ kind: 'CONTRADICTORY', reason });
  if (source.id === target.id) return no('a product cannot be merged into itself');
  if (source.partnerId !== event.partnerId || target.partnerId !== event.partnerId) return no('merges are within one partner only');
  if (source.status === 'MERGED') return source.mergedIntoProductId === target.id ? { kind: 'REPEAT' } : no(`source was already merged into ${source.mergedIntoProductId}`);
  if (source.status === 'WITHDRAWN') return no('the source product was withdrawn by its partner');
  if (!isOpen(target.status)) return no(`the target product is ${target.status}`);
  if (source.newest.version !== event.sourceVersion || source.newest.status !== 'IN_REVIEW') {
    return no(`source version ${event.sourceVersion} is not the version in review (newest is ${source.newest.version}, ${source.newest.status})`);
  }
  return { kind: 'APPLY' };
}

