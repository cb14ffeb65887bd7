import { makeStore } from '../../app/store';
import { aProblem, aReview } from '../../test/fixtures';
import {
  adminApplicationsSlice,
  applicationApproved,
  applicationRejected,
  approveClicked,
  approveFailed,
  initialAdminApplicationsState,
  rejectConfirmed,
  rejectDialogClosed,
  rejectDialogOpened,
  rejectFailed,
  reviewQueueLoaded,
  reviewQueueViewed,
  selectDecision,
  selectPageCount,
  selectRejectTarget,
  type AdminApplicationsState,
} from './adminApplicationsSlice';

const reduce = adminApplicationsSlice.reducer;

function withQueue(status: 'PENDING' | null, items = [aReview({ id: 'a' }), aReview({ id: 'b', businessName: 'Other' })]) {
  const viewed = reduce(initialAdminApplicationsState, reviewQueueViewed({ status, page: 1, size: 20 }));
  return reduce(viewed, reviewQueueLoaded({ items, page: 1, size: 20, total: items.length }));
}

function root(state: AdminApplicationsState) {
  return { ...makeStore(undefined, { runSagas: false }).getState(), adminApplications: state };
}

describe('adminApplicationsSlice', () => {
  it('loads a page of the queue', () => {
    const s = withQueue('PENDING');
    expect(s).toMatchObject({ load: 'loaded', total: 2, query: { status: 'PENDING', page: 1 } });
    expect(selectPageCount(root({ ...s, total: 41 }))).toBe(3);
  });

  it('drops an approved application from the pending filter and tells the admin', () => {
    let s = reduce(withQueue('PENDING'), approveClicked({ id: 'a' }));
    expect(selectDecision(root(s), 'a')).toEqual({ pending: 'approve', problem: null });
    s = reduce(s, applicationApproved(aReview({ id: 'a', status: 'APPROVED' })));
    expect(s.items.map((a) => a.id)).toEqual(['b']);
    expect(s.total).toBe(1);
    expect(s.notice).toBe('Approved Bean There Roasters.');
    expect(selectDecision(root(s), 'a')).toBeUndefined();
  });

  it('keeps a decided application in place when listing every status', () => {
    const s = reduce(withQueue(null), applicationApproved(aReview({ id: 'a', status: 'APPROVED' })));
    expect(s.items.map((a) => [a.id, a.status])).toEqual([
      ['a', 'APPROVED'],
      ['b', 'PENDING'],
    ]);
  });

  it('shows a failed approval on its card', () => {
    const problem = aProblem({ status: 409, code: 'INVALID_STATE', message: 'Already decided' });
    const s = reduce(reduce(withQueue('PENDING'), approveClicked({ id: 'a' })), approveFailed({ id: 'a', problem }));
    expect(s.decisions.a).toEqual({ pending: null, problem });
  });

  it('walks the reject dialog: open → confirm → rejected closes it', () => {
    let s = reduce(withQueue('PENDING'), rejectDialogOpened({ id: 'b' }));
    expect(selectRejectTarget(root(s))?.businessName).toBe('Other');
    s = reduce(s, rejectConfirmed({ id: 'b', reason: 'Certificate unreadable' }));
    expect(s.rejectDialog).toEqual({ applicationId: 'b', submitting: true, problem: null });
    // Closing while the request is in flight is ignored.
    expect(reduce(s, rejectDialogClosed()).rejectDialog.applicationId).toBe('b');
    s = reduce(s, applicationRejected(aReview({ id: 'b', businessName: 'Other', status: 'REJECTED', reason: 'Certificate unreadable' })));
    expect(s.rejectDialog.applicationId).toBeNull();
    expect(s.items.map((a) => a.id)).toEqual(['a']);
    expect(s.notice).toBe('Rejected Other.');
  });

  it('keeps the dialog open with the problem when rejecting fails', () => {
    const problem = aProblem({ status: 400, code: 'VALIDATION_FAILED', fieldErrors: { reason: 'Too long' } });
    const s = reduce(reduce(withQueue('PENDING'), rejectConfirmed({ id: 'a', reason: 'x' })), rejectFailed({ id: 'a', problem }));
    expect(s.rejectDialog).toEqual({ applicationId: 'a', submitting: false, problem });
  });
});
