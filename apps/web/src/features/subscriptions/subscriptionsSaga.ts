import type { CatalogItemDetailDto, CreatedSubscriptionDto, OrderSummaryDto, Page, SubscriptionDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { call, put, race, select, take, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { pause } from '../../common/utils/pause';
import { callWithAuth } from '../auth/callWithAuth';
import { MOVING_ORDER_STATUSES } from '../orders/orderLabels';
import { storefrontApi } from '../storefront/storefrontApi';
import { subscriptionsApi } from './subscriptionsApi';
import {
  firstBoxFollowEnded,
  firstBoxUpdated,
  itemOptionsLoaded,
  selectSubscriptionVersion,
  selectTerms,
  subscribed,
  subscribeFailed,
  subscribePanelOpened,
  subscribeResultDismissed,
  subscribeSubmitted,
  subscriptionLoaded,
  subscriptionLoadFailed,
  subscriptionOperationFailed,
  subscriptionOperationRequested,
  subscriptionOperationSucceeded,
  subscriptionPageLeft,
  subscriptionPageOpened,
  subscriptionRefreshRequested,
  subscriptionsLoaded,
  subscriptionsLoadFailed,
  subscriptionsPageOpened,
  termsLoaded,
  type SubscriptionOperation,
} from './subscriptionsSlice';

/** How often a box on its way (reserving stock, charging) is read again, and for how long. */
export const FOLLOW_INTERVAL_MS = 1_500;
export const MAX_FOLLOWS = 40;

/** Reads the terms in force for the panel; without them it keeps showing its estimate. */
function* loadTerms(): SagaIterator {
  if (yield select(selectTerms)) return;
  try {
    yield put(termsLoaded(yield call(subscriptionsApi.terms)));
  } catch {
    // The estimate stays; the server still checks the terms version on submit.
  }
}

/** Subscribes with the key the form chose (reused after an unknown outcome). */
function* subscribe(action: ReturnType<typeof subscribeSubmitted>): SagaIterator {
  const { body, idempotencyKey } = action.payload;
  try {
    const created: CreatedSubscriptionDto = yield* callWithAuth(subscriptionsApi.create, body, idempotencyKey);
    yield put(subscribed(created));
  } catch (err) {
    yield put(subscribeFailed({ problem: toProblem(err), idempotencyKey, body }));
  }
}

/** A first box still on its way after the 201 (reserving stock, charging) is read again until it settles. */
export function* followFirstBox(action: ReturnType<typeof subscribed>): SagaIterator {
  let box: OrderSummaryDto = action.payload.firstOrder;
  for (let i = 0; i < MAX_FOLLOWS && MOVING_ORDER_STATUSES.includes(box.status); i++) {
    yield call(pause, FOLLOW_INTERVAL_MS);
    try {
      box = yield* callWithAuth(subscriptionsApi.order, box.id);
      yield put(firstBoxUpdated(box));
    } catch {
      // A failed read is retried on the next round; the subscription exists either way.
    }
  }
  yield put(firstBoxFollowEnded());
}

function* loadList(action: ReturnType<typeof subscriptionsPageOpened>): SagaIterator {
  try {
    const page: Page<SubscriptionDto> = yield* callWithAuth(subscriptionsApi.list, action.payload?.page ?? 1);
    yield put(subscriptionsLoaded(page));
  } catch (err) {
    yield put(subscriptionsLoadFailed(toProblem(err)));
  }
}

/** Reads the subscription and its latest boxes together. */
function* fetchDetail(id: string): SagaIterator<{ subscription: SubscriptionDto; boxes: OrderSummaryDto[] }> {
  const subscription: SubscriptionDto = yield* callWithAuth(subscriptionsApi.get, id);
  const boxes: Page<OrderSummaryDto> = yield* callWithAuth(subscriptionsApi.boxes, id);
  return { subscription, boxes: boxes.items };
}

const moving = (s: SubscriptionDto) => s.openOrder !== null && MOVING_ORDER_STATUSES.includes(s.openOrder.status);

/** Reads again while the open box is being reserved or charged (e.g. just after a new card), until it settles. */
export function* followOpenBox(id: string, current: SubscriptionDto): SagaIterator {
  let s = current;
  for (let i = 0; i < MAX_FOLLOWS && moving(s); i++) {
    yield call(pause, FOLLOW_INTERVAL_MS);
    try {
      const detail: { subscription: SubscriptionDto; boxes: OrderSummaryDto[] } = yield call(fetchDetail, id);
      s = detail.subscription;
      yield put(subscriptionLoaded(detail));
    } catch {
      // Keep the last view; the next round tries again.
    }
  }
}

function* loadDetail(action: ReturnType<typeof subscriptionPageOpened> | ReturnType<typeof subscriptionRefreshRequested>): SagaIterator {
  const { id } = action.payload;
  let detail: { subscription: SubscriptionDto; boxes: OrderSummaryDto[] };
  try {
    detail = yield call(fetchDetail, id);
    yield put(subscriptionLoaded(detail));
  } catch (err) {
    yield put(subscriptionLoadFailed(toProblem(err)));
    return;
  }
  const itemId = detail.subscription.catalogItemId;
  try {
    const item: CatalogItemDetailDto = yield call(storefrontApi.item, itemId);
    yield put(itemOptionsLoaded({ itemId, options: item.options }));
  } catch {
    // Off sale: the subscription keeps its option, and the page offers no swap.
    yield put(itemOptionsLoaded({ itemId, options: [] }));
  }
  yield race({ follow: call(followOpenBox, id, detail.subscription), left: take(subscriptionPageLeft.type) });
}

function* callOperation(id: string, op: SubscriptionOperation): SagaIterator<SubscriptionDto> {
  switch (op.kind) {
    case 'skip':
      return yield* callWithAuth(subscriptionsApi.skip, id);
    case 'pause':
      return yield* callWithAuth(subscriptionsApi.pause, id, op.until);
    case 'resume':
      return yield* callWithAuth(subscriptionsApi.resume, id, op.date);
    case 'cancel':
      return yield* callWithAuth(subscriptionsApi.cancel, id, op.reason);
    case 'reactivate':
      return yield* callWithAuth(subscriptionsApi.reactivate, id);
    case 'acceptPrice':
      return yield* callWithAuth(subscriptionsApi.acceptPrice, id);
    case 'update': {
      // The version last read: a change made meanwhile (another tab, the billing run) is refused with 409, not overwritten.
      const version: number | undefined = yield select(selectSubscriptionVersion);
      return yield* callWithAuth(subscriptionsApi.update, id, { ...op.changes, version });
    }
  }
}

/** One operation; afterwards (or after a 409) the page reloads so it shows the server's state. */
function* runOperation(action: ReturnType<typeof subscriptionOperationRequested>): SagaIterator {
  const { id, op } = action.payload;
  try {
    const subscription: SubscriptionDto = yield call(callOperation, id, op);
    yield put(subscriptionOperationSucceeded({ kind: op.kind, subscription }));
    yield put(subscriptionRefreshRequested({ id }));
  } catch (err) {
    const problem = toProblem(err);
    yield put(subscriptionOperationFailed({ kind: op.kind, problem }));
    if (problem.status === 409) yield put(subscriptionRefreshRequested({ id }));
  }
}

/** Watchers of the subscriptions feature. */
export function* subscriptionsSaga(): SagaIterator {
  // One submit at a time: a double click cannot post twice.
  yield takeLeading(subscribePanelOpened.type, loadTerms);
  yield takeLeading(subscribeSubmitted.type, subscribe);
  yield takeLatest(subscribed.type, function* follow(action: ReturnType<typeof subscribed>): SagaIterator {
    yield race({ done: call(followFirstBox, action), dismissed: take(subscribeResultDismissed.type) });
  });
  yield takeLatest(subscriptionsPageOpened.type, loadList);
  yield takeLatest([subscriptionPageOpened.type, subscriptionRefreshRequested.type], loadDetail);
  yield takeLeading(subscriptionOperationRequested.type, runOperation);
}
