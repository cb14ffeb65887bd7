import type { Page, ProductReviewDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { adminProductsApi } from './adminProductsApi';
import {
  productApproveClicked,
  productApproveFailed,
  productRejectConfirmed,
  productRejectFailed,
  productReviewApproved,
  productReviewRejected,
  productReviewsLoadFailed,
  productReviewsLoaded,
  productReviewsViewed,
} from './adminProductsSlice';

function* loadQueue(action: ReturnType<typeof productReviewsViewed>): SagaIterator {
  try {
    const page: Page<ProductReviewDto> = yield* callWithAuth(adminProductsApi.list, action.payload);
    yield put(productReviewsLoaded(page));
  } catch (err) {
    yield put(productReviewsLoadFailed(toProblem(err)));
  }
}

function* approve(action: ReturnType<typeof productApproveClicked>): SagaIterator {
  const { id, body } = action.payload;
  try {
    const decided: ProductReviewDto = yield* callWithAuth(adminProductsApi.approve, id, body);
    yield put(productReviewApproved(decided));
  } catch (err) {
    yield put(productApproveFailed({ id, problem: toProblem(err) }));
  }
}

function* reject(action: ReturnType<typeof productRejectConfirmed>): SagaIterator {
  const { id, reason } = action.payload;
  try {
    const decided: ProductReviewDto = yield* callWithAuth(adminProductsApi.reject, id, reason);
    yield put(productReviewRejected(decided));
  } catch (err) {
    yield put(productRejectFailed({ id, problem: toProblem(err) }));
  }
}

/** Watchers of the product review queue. */
export function* adminProductsSaga(): SagaIterator {
  yield takeLatest(productReviewsViewed.type, loadQueue);
  // Different submissions may be decided side by side; each card's buttons are disabled meanwhile.
  yield takeEvery(productApproveClicked.type, approve);
  yield takeLeading(productRejectConfirmed.type, reject);
}
