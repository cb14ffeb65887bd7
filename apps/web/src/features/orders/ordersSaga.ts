import type { OrderDto, OrderSummaryDto, Page } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, takeLatest } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { ordersApi } from './ordersApi';
import { orderLoaded, orderLoadFailed, orderPageOpened, ordersLoaded, ordersLoadFailed, ordersPageOpened } from './ordersSlice';

function* loadList(action: ReturnType<typeof ordersPageOpened>): SagaIterator {
  try {
    const page: Page<OrderSummaryDto> = yield* callWithAuth(ordersApi.list, action.payload?.page ?? 1);
    yield put(ordersLoaded(page));
  } catch (err) {
    yield put(ordersLoadFailed(toProblem(err)));
  }
}

function* loadOrder(action: ReturnType<typeof orderPageOpened>): SagaIterator {
  try {
    const order: OrderDto = yield* callWithAuth(ordersApi.get, action.payload.id);
    yield put(orderLoaded(order));
  } catch (err) {
    yield put(orderLoadFailed(toProblem(err)));
  }
}

/** Watchers of the orders feature. */
export function* ordersSaga(): SagaIterator {
  yield takeLatest(ordersPageOpened.type, loadList);
  yield takeLatest(orderPageOpened.type, loadOrder);
}
