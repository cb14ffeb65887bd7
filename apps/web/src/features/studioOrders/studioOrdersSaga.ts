import type { BulkShipResultDto, FulfilmentQueueDto, FulfilmentStatus, Page, PartnerOrderDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { all, call, put, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { studioOrdersApi } from './studioOrdersApi';
import {
  bulkShipAnswered,
  bulkShipFailed,
  bulkShipSubmitted,
  orderActionClicked,
  orderActionFailed,
  orderActionSucceeded,
  refundAccepted,
  refundFailed,
  refundSubmitted,
  studioOrdersLoaded,
  studioOrdersLoadFailed,
  studioOrdersViewed,
} from './studioOrdersSlice';

function* readQueue(): SagaIterator<FulfilmentQueueDto> {
  return yield* callWithAuth(studioOrdersApi.queue);
}

function* readByStatus(status: FulfilmentStatus): SagaIterator<Page<PartnerOrderDto>> {
  return yield* callWithAuth(studioOrdersApi.byStatus, status);
}

/** Reads the queue, the shipped orders and the return requests together. */
export function* loadOrders(): SagaIterator {
  try {
    const [queue, shipped, returns]: [FulfilmentQueueDto, Page<PartnerOrderDto>, Page<PartnerOrderDto>] = yield all([
      call(readQueue),
      call(readByStatus, 'SHIPPED'),
      call(readByStatus, 'RETURN_REQUESTED'),
    ]);
    yield put(studioOrdersLoaded({ queue, shipped: shipped.items, returns: returns.items }));
  } catch (err) {
    yield put(studioOrdersLoadFailed(toProblem(err)));
  }
}

function* shipMany(action: ReturnType<typeof bulkShipSubmitted>): SagaIterator {
  const { items, idempotencyKey } = action.payload;
  try {
    const result: BulkShipResultDto = yield* callWithAuth(studioOrdersApi.shipMany, items, idempotencyKey);
    yield put(bulkShipAnswered(result));
    // Shipped orders leave the queue and join the orders to mark delivered.
    yield call(loadOrders);
  } catch (err) {
    yield put(bulkShipFailed({ problem: toProblem(err), idempotencyKey }));
  }
}

function* act(action: ReturnType<typeof orderActionClicked>): SagaIterator {
  const { id } = action.payload;
  try {
    const order: PartnerOrderDto = yield* callWithAuth(studioOrdersApi.act, id, action.payload.action);
    yield put(orderActionSucceeded(order));
    yield call(loadOrders);
  } catch (err) {
    yield put(orderActionFailed({ id, problem: toProblem(err) }));
  }
}

function* refund(action: ReturnType<typeof refundSubmitted>): SagaIterator {
  const { orderId, amount, reason, idempotencyKey } = action.payload;
  try {
    const { refundId }: { refundId: string } = yield* callWithAuth(studioOrdersApi.refund, orderId, { amount, reason }, idempotencyKey);
    yield put(refundAccepted({ orderId, refundId }));
    yield call(loadOrders);
  } catch (err) {
    yield put(refundFailed({ problem: toProblem(err), idempotencyKey }));
  }
}

/** Watchers of the studio orders page. */
export function* studioOrdersSaga(): SagaIterator {
  yield takeLatest(studioOrdersViewed.type, loadOrders);
  yield takeLeading(bulkShipSubmitted.type, shipMany);
  yield takeEvery(orderActionClicked.type, act);
  yield takeLeading(refundSubmitted.type, refund);
}
