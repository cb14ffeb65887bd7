import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { pause } from '../../common/utils/pause';
import { aCatalogItemDetail } from '../../test/fixtures';
import { signedIn } from '../../test/test-utils';
import { anOrderSummary, aPage } from '../orders/orderFixtures';
import { storefrontApi } from '../storefront/storefrontApi';
import { aCreatedSubscription, aSubscription, retrying, SUB_ID } from './subscriptionFixtures';
import { subscriptionsApi } from './subscriptionsApi';
import { subscriptionsSaga } from './subscriptionsSaga';
import {
  firstBoxUpdated,
  itemOptionsLoaded,
  subscribed,
  subscribeFailed,
  subscribeSubmitted,
  subscriptionLoaded,
  subscriptionOperationFailed,
  subscriptionOperationRequested,
  subscriptionOperationSucceeded,
  subscriptionPageLeft,
  subscriptionPageOpened,
  subscriptionRefreshRequested,
  subscribePanelOpened,
  termsLoaded,
} from './subscriptionsSlice';

const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });
const withDetail = (subscription = aSubscription()) => {
  const base = initial();
  return { ...base, subscriptions: { ...base.subscriptions, detail: { ...base.subscriptions.detail, id: subscription.id, load: 'loaded' as const, subscription } } };
};
const body = { catalogItemId: 'item', optionId: 'opt', quantity: 2, intervalWeeks: 2 as const, addressId: 'addr', paymentMethodId: 'card', agreeToRecurringPayment: true as const };

describe('subscriptionsSaga', () => {
  it('subscribes with the form’s Idempotency-Key', () =>
    expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(subscriptionsApi.create), aCreatedSubscription()]])
      .call(subscriptionsApi.create, 'access-token', body, 'key-1')
      .put(subscribed(aCreatedSubscription()))
      .dispatch(subscribeSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50));

  it('keeps the key when the answer was lost, so the retry cannot charge twice', async () => {
    const { storeState } = await expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(subscriptionsApi.create), throwError(new ApiRequestError(0, 'NETWORK_ERROR', 'offline'))]])
      .put.actionType(subscribeFailed.type)
      .dispatch(subscribeSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(storeState.subscriptions.subscribe).toMatchObject({ phase: 'failed', retry: { key: 'key-1' }, problem: { code: 'NETWORK_ERROR' } });
  });

  it('reports a declined first charge and forgets the key', async () => {
    const { storeState } = await expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(subscriptionsApi.create), throwError(new ApiRequestError(422, 'PAYMENT_DECLINED', 'the card was declined'))]])
      .dispatch(subscribeSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(storeState.subscriptions.subscribe).toMatchObject({ phase: 'failed', retry: null, problem: { status: 422, code: 'PAYMENT_DECLINED' } });
  });

  it('follows a first box that is still being reserved until it is paid', async () => {
    let reads = 0;
    const { storeState } = await expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(subscriptionsApi.create), aCreatedSubscription({ status: 'PENDING_STOCK' })],
        [matchers.call.fn(pause), undefined],
        { call: (effect, next) => (effect.fn === subscriptionsApi.order ? anOrderSummary({ status: ++reads < 2 ? 'CHARGING' : 'PAID' }) : next()) },
      ])
      .put(firstBoxUpdated(anOrderSummary({ status: 'PAID' })))
      .dispatch(subscribeSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(reads).toBe(2);
    expect(storeState.subscriptions.subscribe).toMatchObject({ phase: 'done', result: { firstOrder: { status: 'PAID' } } });
  });

  it('loads a subscription with its latest boxes and the item’s options', () =>
    expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(subscriptionsApi.get), aSubscription()],
        [matchers.call.fn(subscriptionsApi.boxes), aPage([anOrderSummary()])],
        [matchers.call.fn(storefrontApi.item), aCatalogItemDetail()],
      ])
      .call(subscriptionsApi.boxes, 'access-token', SUB_ID)
      .put(subscriptionLoaded({ subscription: aSubscription(), boxes: [anOrderSummary()] }))
      .put(itemOptionsLoaded({ itemId: aSubscription().catalogItemId, options: aCatalogItemDetail().options }))
      .dispatch(subscriptionPageOpened({ id: SUB_ID }))
      .silentRun(50));

  it('follows a box being charged (after a new card) until it settles, and stops when the page is left', async () => {
    const charging = aSubscription({ openOrder: { ...retrying()!, status: 'READY_TO_CHARGE', nextAttemptAt: null } });
    let reads = 0;
    const { storeState } = await expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        { call: (effect, next) => (effect.fn === subscriptionsApi.get ? (++reads < 3 ? charging : aSubscription()) : next()) },
        [matchers.call.fn(subscriptionsApi.boxes), aPage([anOrderSummary({ cycle: 1 })])],
        [matchers.call.fn(storefrontApi.item), aCatalogItemDetail()],
        [matchers.call.fn(pause), undefined],
      ])
      .dispatch(subscriptionPageOpened({ id: SUB_ID }))
      .silentRun(50);
    expect(reads).toBe(3);
    expect(storeState.subscriptions.detail.subscription.openOrder).toBeNull();

    reads = 0;
    await expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        { call: (effect, next) => (effect.fn === subscriptionsApi.get ? (reads++, charging) : next()) },
        [matchers.call.fn(subscriptionsApi.boxes), aPage([])],
        [matchers.call.fn(storefrontApi.item), aCatalogItemDetail()],
        { call: (effect, next) => (effect.fn === pause ? new Promise((r) => setTimeout(r, 10)) : next()) },
      ])
      .dispatch(subscriptionPageOpened({ id: SUB_ID }))
      .delay(25)
      .dispatch(subscriptionPageLeft())
      .silentRun(80);
    const afterLeaving = reads;
    await new Promise((r) => setTimeout(r, 40));
    expect(reads).toBe(afterLeaving);
  });

  it('sends the version it last read with a change', () =>
    expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, withDetail())
      .provide([
        [matchers.call.fn(subscriptionsApi.update), aSubscription({ quantity: 3, version: 4 })],
        [matchers.call.fn(subscriptionsApi.get), aSubscription({ quantity: 3, version: 4 })],
        [matchers.call.fn(subscriptionsApi.boxes), aPage([])],
        [matchers.call.fn(storefrontApi.item), aCatalogItemDetail()],
      ])
      .call(subscriptionsApi.update, 'access-token', SUB_ID, { quantity: 3, version: 3 })
      .put(subscriptionOperationSucceeded({ kind: 'update', subscription: aSubscription({ quantity: 3, version: 4 }) }))
      .put(subscriptionRefreshRequested({ id: SUB_ID }))
      .dispatch(subscriptionOperationRequested({ id: SUB_ID, op: { kind: 'update', changes: { quantity: 3 } } }))
      .silentRun(50));

  it('reloads after a conflict so the next try starts from the server’s version', async () => {
    const { storeState } = await expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, withDetail())
      .provide([
        [matchers.call.fn(subscriptionsApi.update), throwError(new ApiRequestError(409, 'CONFLICT', 'the subscription changed since version 3 (now 5)'))],
        [matchers.call.fn(subscriptionsApi.get), aSubscription({ quantity: 1, version: 5 })],
        [matchers.call.fn(subscriptionsApi.boxes), aPage([])],
        [matchers.call.fn(storefrontApi.item), aCatalogItemDetail()],
      ])
      .put.actionType(subscriptionOperationFailed.type)
      .put(subscriptionRefreshRequested({ id: SUB_ID }))
      .dispatch(subscriptionOperationRequested({ id: SUB_ID, op: { kind: 'update', changes: { quantity: 3 } } }))
      .silentRun(50);
    expect(storeState.subscriptions.detail).toMatchObject({ busy: null, actionProblem: { code: 'CONFLICT' }, subscription: { version: 5, quantity: 1 } });
  });

  it.each([
    ['skip', { kind: 'skip' as const }, subscriptionsApi.skip, [SUB_ID]],
    ['pause until a date', { kind: 'pause' as const, until: '2027-01-10' }, subscriptionsApi.pause, [SUB_ID, '2027-01-10']],
    ['resume on a date', { kind: 'resume' as const, date: '2026-12-24' }, subscriptionsApi.resume, [SUB_ID, '2026-12-24']],
    ['cancel with a reason', { kind: 'cancel' as const, reason: '이사 가요' }, subscriptionsApi.cancel, [SUB_ID, '이사 가요']],
    ['reactivate', { kind: 'reactivate' as const }, subscriptionsApi.reactivate, [SUB_ID]],
  ])('%s calls its endpoint', (_what, op, fn, args) =>
    expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, withDetail())
      .provide([
        [matchers.call.fn(fn as never), aSubscription({ version: 4 })],
        [matchers.call.fn(subscriptionsApi.get), aSubscription({ version: 4 })],
        [matchers.call.fn(subscriptionsApi.boxes), aPage([])],
        [matchers.call.fn(storefrontApi.item), aCatalogItemDetail()],
      ])
      .call(fn as never, 'access-token', ...args)
      .put(subscriptionOperationSucceeded({ kind: op.kind, subscription: aSubscription({ version: 4 }) }))
      .dispatch(subscriptionOperationRequested({ id: SUB_ID, op }))
      .silentRun(50));
});

describe('the terms beside the consent checkbox', () => {
  const terms = { termsVersion: '2026-12-01', shipping: { feeWon: 2_500, freeThresholdWon: 25_000 }, preChargeNoticeDays: 3, priceRiseNoticeDays: 14 };

  it('reads the terms in force once when the panel opens', () =>
    expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(subscriptionsApi.terms), terms]])
      .put(termsLoaded(terms))
      .dispatch(subscribePanelOpened({ itemId: 'item' }))
      .hasFinalState({ ...initial(), subscriptions: { ...initial().subscriptions, terms, subscribe: { ...initial().subscriptions.subscribe, itemId: 'item' } } })
      .silentRun(50));

  it('keeps the estimate when the terms cannot be read', () =>
    expectSaga(subscriptionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(subscriptionsApi.terms), throwError(new ApiRequestError(0, 'NETWORK_ERROR', 'offline'))]])
      .not.put.actionType(termsLoaded.type)
      .dispatch(subscribePanelOpened({ itemId: 'item' }))
      .silentRun(50));
});
