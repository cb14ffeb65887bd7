import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Page, PageQuery } from '@roastery/contracts';
import { pagedList } from '../../common/pagedList';
import type { Problem } from '../../common/problem';
import { type BillingRunDto, isFinalRun } from './billingRunsApi';

/** The run the page follows: the one just started, or an active one found in the list. */
export interface FollowedRun {
  phase: 'idle' | 'starting' | 'following' | 'finished' | 'lost';
  run: BillingRunDto | null;
  /** Why starting failed, or why polling gave up. */
  problem: Problem | null;
  /**
   * The key of a start whose outcome is unknown (network error, 5xx): the next click sends it
   * again, so a run that did commit is returned instead of a second one being started.
   */
  retryKey: string | null;
}

export interface BillingRunsState {
  query: PageQuery;
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  items: BillingRunDto[];
  total: number;
  followed: FollowedRun;
}

export const initialBillingRunsState: BillingRunsState = {
  query: { page: 1, size: 20 },
  load: 'idle',
  loadProblem: null,
  items: [],
  total: 0,
  followed: { phase: 'idle', run: null, problem: null, retryKey: null },
};

/** A failure after which the request may or may not have reached the server. */
const outcomeUnknown = (p: Problem) => p.status === 0 || p.status >= 500;

function upsert(state: BillingRunsState, run: BillingRunDto) {
  const i = state.items.findIndex((r) => r.id === run.id);
  if (i >= 0) state.items[i] = run;
  else if (state.query.page === 1) {
    state.items.unshift(run);
    state.total += 1;
    if (state.items.length > state.query.size) state.items.pop();
  }
}

/** The admin's billing runs (/backoffice/billing): start one now and watch it to the end. */
export const billingRunsSlice = createSlice({
  name: 'billingRuns',
  initialState: initialBillingRunsState,
  reducers: {
    billingRunsViewed(state, action: PayloadAction<PageQuery>) {
      pagedList.viewed(state, action.payload);
    },
    billingRunsLoaded(state, action: PayloadAction<Page<BillingRunDto>>) {
      pagedList.loaded(state, action.payload);
    },
    billingRunsLoadFailed(state, action: PayloadAction<Problem>) {
      pagedList.failed(state, action.payload);
    },
    billingRunStartClicked(state, _action: PayloadAction<{ idempotencyKey: string }>) {
      state.followed = { phase: 'starting', run: null, problem: null, retryKey: null };
    },
    billingRunStarted(state, action: PayloadAction<BillingRunDto>) {
      state.followed = { phase: isFinalRun(action.payload) ? 'finished' : 'following', run: action.payload, problem: null, retryKey: null };
      upsert(state, action.payload);
    },
    billingRunStartFailed(state, action: PayloadAction<{ problem: Problem; idempotencyKey: string }>) {
      const { problem, idempotencyKey } = action.payload;
      state.followed = { phase: 'idle', run: null, problem, retryKey: outcomeUnknown(problem) ? idempotencyKey : null };
    },
    /** An active run found in the list (e.g. after a reload of the page) is followed too. */
    billingRunFollowed(state, action: PayloadAction<BillingRunDto>) {
      state.followed = { phase: isFinalRun(action.payload) ? 'finished' : 'following', run: action.payload, problem: null, retryKey: null };
    },
    billingRunProgressPolled(state, action: PayloadAction<BillingRunDto>) {
      const run = action.payload;
      if (state.followed.run?.id === run.id) {
        state.followed.run = run;
        if (isFinalRun(run)) state.followed.phase = 'finished';
      }
      upsert(state, run);
    },
    /** Polling gave up after repeated failures; the run itself may still be going. */
    billingRunPollFailed(state, action: PayloadAction<{ runId: string; problem: Problem }>) {
      if (state.followed.run?.id !== action.payload.runId) return;
      state.followed.phase = 'lost';
      state.followed.problem = action.payload.problem;
    },
    /** The admin closes the progress panel; polling stops. */
    billingRunDismissed(state) {
      state.followed = { ...initialBillingRunsState.followed, retryKey: state.followed.retryKey };
    },
    /** The page unmounted; polling stops, and a run still going is picked up again on return. */
    billingRunsPageLeft(state) {
      if (state.followed.phase === 'following') state.followed = { ...initialBillingRunsState.followed, retryKey: state.followed.retryKey };
    },
  },
  selectors: {
    selectBillingRunList: (state) => state,
    selectFollowedRun: (state) => state.followed,
    /** Whether a new run may be started: nothing starting and the followed run (if any) is over. */
    selectCanStartRun: (state) => state.followed.phase !== 'starting' && state.followed.phase !== 'following',
    selectBillingRunPageCount: (state) => Math.max(1, Math.ceil(state.total / state.query.size)),
  },
});

export const {
  billingRunsViewed,
  billingRunsLoaded,
  billingRunsLoadFailed,
  billingRunStartClicked,
  billingRunStarted,
  billingRunStartFailed,
  billingRunFollowed,
  billingRunProgressPolled,
  billingRunPollFailed,
  billingRunDismissed,
  billingRunsPageLeft,
} = billingRunsSlice.actions;

export const { selectBillingRunList, selectFollowedRun, selectCanStartRun, selectBillingRunPageCount } = billingRunsSlice.selectors;
