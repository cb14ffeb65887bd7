import type { Page } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { call, put, race, select, take, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { pause } from '../../common/utils/pause';
import { callWithAuth } from '../auth/callWithAuth';
import { type BillingRunDto, billingRunsApi, isFinalRun } from './billingRunsApi';
import {
  billingRunDismissed,
  billingRunFollowed,
  billingRunPollFailed,
  billingRunProgressPolled,
  billingRunsLoaded,
  billingRunsLoadFailed,
  billingRunsPageLeft,
  billingRunStartClicked,
  billingRunStarted,
  billingRunStartFailed,
  billingRunsViewed,
  selectFollowedRun,
  type FollowedRun,
} from './billingRunsSlice';

/** How often a followed run is read: every second at first, then every five (a long run, or user-service is down). */
export const POLL_INTERVAL_MS = 1_000;
export const SLOW_POLL_INTERVAL_MS = 5_000;
const FAST_POLLS = 60;
/** Consecutive failed reads after which the page stops polling and says so. */
export const MAX_POLL_FAILURES = 5;

function* loadRuns(action: ReturnType<typeof billingRunsViewed>): SagaIterator {
  try {
    const page: Page<BillingRunDto> = yield* callWithAuth(billingRunsApi.list, action.payload);
    yield put(billingRunsLoaded(page));
    // After a reload of the page, keep following a run that is still going.
    const followed: FollowedRun = yield select(selectFollowedRun);
    const active = page.items.find((r) => !isFinalRun(r));
    if (followed.phase === 'idle' && !followed.problem && active) yield put(billingRunFollowed(active));
  } catch (err) {
    yield put(billingRunsLoadFailed(toProblem(err)));
  }
}

function* startRun(action: ReturnType<typeof billingRunStartClicked>): SagaIterator {
  const { idempotencyKey } = action.payload;
  try {
    const run: BillingRunDto = yield* callWithAuth(billingRunsApi.start, idempotencyKey);
    yield put(billingRunStarted(run));
  } catch (err) {
    yield put(billingRunStartFailed({ problem: toProblem(err), idempotencyKey }));
  }
}

/** Reads the run until it is COMPLETED or FAILED; a few failed reads in a row end the polling. */
export function* pollRun(runId: string): SagaIterator {
  let failures = 0;
  for (let polls = 0; ; polls++) {
    yield call(pause, polls < FAST_POLLS ? POLL_INTERVAL_MS : SLOW_POLL_INTERVAL_MS);
    try {
      const run: BillingRunDto = yield* callWithAuth(billingRunsApi.get, runId);
      failures = 0;
      yield put(billingRunProgressPolled(run));
      if (isFinalRun(run)) return;
    } catch (err) {
      failures += 1;
      if (failures >= MAX_POLL_FAILURES) {
        yield put(billingRunPollFailed({ runId, problem: toProblem(err) }));
        return;
      }
    }
  }
}

function* followRun(action: ReturnType<typeof billingRunStarted> | ReturnType<typeof billingRunFollowed>): SagaIterator {
  if (isFinalRun(action.payload)) return;
  yield race({ done: call(pollRun, action.payload.id), dismissed: take(billingRunDismissed.type), left: take(billingRunsPageLeft.type) });
}

/** Watchers of the billing runs page. */
export function* billingRunsSaga(): SagaIterator {
  yield takeLatest(billingRunsViewed.type, loadRuns);
  yield takeLeading(billingRunStartClicked.type, startRun);
  // Following a new run stops following the previous one.
  yield takeLatest([billingRunStarted.type, billingRunFollowed.type], followRun);
}
