import type { Problem } from '../../common/problem';
import { aBillingRun, completedRun, runningRun } from './billingRunsFixtures';
import {
  billingRunDismissed,
  billingRunPollFailed,
  billingRunProgressPolled,
  billingRunsLoaded,
  billingRunsPageLeft,
  billingRunStartClicked,
  billingRunStarted,
  billingRunStartFailed,
  billingRunsSlice,
  billingRunsViewed,
  initialBillingRunsState,
  type BillingRunsState,
} from './billingRunsSlice';

const reduce = (actions: { type: string }[], from: BillingRunsState = initialBillingRunsState) => actions.reduce(billingRunsSlice.reducer, from);
const sel = (state: BillingRunsState) => ({ billingRuns: state });
const problem = (status: number, code: Problem['code'] = 'BAD_RESPONSE'): Problem => ({ status, code, message: 'failed', fieldErrors: {}, retryAfterSeconds: null });

describe('billingRunsSlice', () => {
  it('starts a run and follows it to the end, updating the list row', () => {
    const older = completedRun({ id: '0190a0b0-0000-7000-8000-0000000000e1' });
    let state = reduce([billingRunsViewed({ page: 1, size: 20 }), billingRunsLoaded({ items: [older], page: 1, size: 20, total: 1 }), billingRunStartClicked({ idempotencyKey: 'k1' })]);
    expect(state.followed.phase).toBe('starting');
    expect(billingRunsSlice.selectors.selectCanStartRun(sel(state))).toBe(false);

    state = reduce([billingRunStarted(aBillingRun())], state);
    expect(state.followed).toMatchObject({ phase: 'following', run: { status: 'REQUESTED' } });
    expect(state.items.map((r) => r.id)).toEqual([aBillingRun().id, older.id]);
    expect(state.total).toBe(2);
    expect(billingRunsSlice.selectors.selectCanStartRun(sel(state))).toBe(false);

    state = reduce([billingRunProgressPolled(runningRun())], state);
    expect(state.followed.run?.counts.charged).toBe(300);
    expect(state.items[0].status).toBe('RUNNING');

    state = reduce([billingRunProgressPolled(completedRun())], state);
    expect(state.followed.phase).toBe('finished');
    expect(state.items[0]).toEqual(completedRun());
    expect(state.items).toHaveLength(2);
    expect(billingRunsSlice.selectors.selectCanStartRun(sel(state))).toBe(true);
  });

  it('keeps the key of a start whose outcome is unknown, and drops it for a refusal', () => {
    const lost = reduce([billingRunStartClicked({ idempotencyKey: 'k1' }), billingRunStartFailed({ problem: problem(0, 'NETWORK_ERROR'), idempotencyKey: 'k1' })]);
    expect(lost.followed).toMatchObject({ phase: 'idle', retryKey: 'k1', problem: { code: 'NETWORK_ERROR' } });
    expect(reduce([billingRunStartFailed({ problem: problem(503), idempotencyKey: 'k1' })]).followed.retryKey).toBe('k1');
    expect(reduce([billingRunStartFailed({ problem: problem(403, 'FORBIDDEN'), idempotencyKey: 'k1' })]).followed.retryKey).toBeNull();
    // Once a start succeeds, the next click gets a fresh key.
    expect(reduce([billingRunStartClicked({ idempotencyKey: 'k1' }), billingRunStarted(aBillingRun())], lost).followed.retryKey).toBeNull();
  });

  it('says so when polling gives up, and ignores reports of a run it no longer follows', () => {
    let state = reduce([billingRunStarted(aBillingRun()), billingRunPollFailed({ runId: aBillingRun().id, problem: problem(502) })]);
    expect(state.followed.phase).toBe('lost');
    expect(billingRunsSlice.selectors.selectCanStartRun(sel(state))).toBe(true);

    state = reduce([billingRunDismissed(), billingRunPollFailed({ runId: aBillingRun().id, problem: problem(502) })], state);
    expect(state.followed).toEqual(initialBillingRunsState.followed);
  });

  it('forgets a run still going when the page is left, so it is picked up again on return', () => {
    expect(reduce([billingRunStarted(aBillingRun()), billingRunsPageLeft()]).followed.phase).toBe('idle');
    expect(reduce([billingRunStarted(completedRun()), billingRunsPageLeft()]).followed.phase).toBe('finished');
  });

  it('does not add a new run to a later page of the list', () => {
    const state = reduce([billingRunsViewed({ page: 2, size: 20 }), billingRunStarted(aBillingRun())]);
    expect(state.items).toEqual([]);
  });
});
