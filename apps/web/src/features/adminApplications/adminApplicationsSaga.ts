import type { ApplicationReviewDto, Page } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { adminApplicationsApi } from './adminApplicationsApi';
import {
  applicationApproved,
  applicationRejected,
  approveClicked,
  approveFailed,
  rejectConfirmed,
  rejectFailed,
  reviewQueueLoadFailed,
  reviewQueueLoaded,
  reviewQueueViewed,
} from './adminApplicationsSlice';

function* loadQueue(action: ReturnType<typeof reviewQueueViewed>): SagaIterator {
  try {
    const page: Page<ApplicationReviewDto> = yield* callWithAuth(adminApplicationsApi.list, action.payload);
    yield put(reviewQueueLoaded(page));
  } catch (err) {
    yield put(reviewQueueLoadFailed(toProblem(err)));
  }
}

function* approve(action: ReturnType<typeof approveClicked>): SagaIterator {
  const { id } = action.payload;
  try {
    const decided: ApplicationReviewDto = yield* callWithAuth(adminApplicationsApi.approve, id);
    yield put(applicationApproved(decided));
  } catch (err) {
    yield put(approveFailed({ id, problem: toProblem(err) }));
  }
}

function* reject(action: ReturnType<typeof rejectConfirmed>): SagaIterator {
  const { id, reason } = action.payload;
  try {
    const decided: ApplicationReviewDto = yield* callWithAuth(adminApplicationsApi.reject, id, reason);
    yield put(applicationRejected(decided));
  } catch (err) {
    yield put(rejectFailed({ id, problem: toProblem(err) }));
  }
}

/** Watchers of the admin review queue. */
export function* adminApplicationsSaga(): SagaIterator {
  yield takeLatest(reviewQueueViewed.type, loadQueue);
  // Different applications may be approved side by side; the button is disabled while one is in flight.
  yield takeEvery(approveClicked.type, approve);
  yield takeLeading(rejectConfirmed.type, reject);
}
