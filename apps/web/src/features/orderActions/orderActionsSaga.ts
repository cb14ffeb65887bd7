import type { SagaIterator } from 'redux-saga';
import { put, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { orderPageOpened } from '../orders/ordersSlice';
import { orderActionsApi } from './orderActionsApi';
import { cancelSubmitted, confirmSubmitted, orderActionFailed, orderActionSucceeded, returnSubmitted } from './orderActionsSlice';

function* cancel(action: ReturnType<typeof cancelSubmitted>): SagaIterator {
  try {
    yield* callWithAuth(orderActionsApi.cancel, action.payload.orderId, action.payload.reason);
    yield put(orderActionSucceeded({ orderId: action.payload.orderId, kind: 'cancel' }));
    yield put(orderPageOpened({ id: action.payload.orderId }));
  } catch (err) {
    yield put(orderActionFailed(toProblem(err)));
  }
}

function* requestReturn(action: ReturnType<typeof returnSubmitted>): SagaIterator {
  try {
    yield* callWithAuth(orderActionsApi.requestReturn, action.payload.orderId, action.payload.reason);
    yield put(orderActionSucceeded({ orderId: action.payload.orderId, kind: 'return' }));
    yield put(orderPageOpened({ id: action.payload.orderId }));
  } catch (err) {
    yield put(orderActionFailed(toProblem(err)));
  }
}

function* confirm(action: ReturnType<typeof confirmSubmitted>): SagaIterator {
  try {
    yield* callWithAuth(orderActionsApi.confirm, action.payload.orderId);
    yield put(orderActionSucceeded({ orderId: action.payload.orderId, kind: 'confirm' }));
    yield put(orderPageOpened({ id: action.payload.orderId }));
  } catch (err) {
    yield put(orderActionFailed(toProblem(err)));
  }
}

/** Watchers of the order actions; a second click while one runs is ignored (takeLeading). */
export function* orderActionsSaga(): SagaIterator {
  yield takeLeading(cancelSubmitted.type, cancel);
  yield takeLeading(returnSubmitted.type, requestReturn);
  yield takeLeading(confirmSubmitted.type, confirm);
}
