import type { CreateSubscriptionRequest } from '@roastery/contracts';
import { aProblem } from '../../test/fixtures';
import { anOrderSummary } from '../orders/orderFixtures';
import { aCreatedSubscription, aSubscription, SUB_ID } from './subscriptionFixtures';
import {
  firstBoxUpdated,
  initialSubscriptionsState,
  subscribed,
  subscribeFailed,
  subscribeKeyFor,
  subscribePanelOpened,
  subscribeSubmitted,
  subscriptionLoaded,
  subscriptionOperationFailed,
  subscriptionOperationRequested,
  subscriptionOperationSucceeded,
  subscriptionPageOpened,
  subscriptionsSlice,
} from './subscriptionsSlice';

const reduce = subscriptionsSlice.reducer;
const body: CreateSubscriptionRequest = { catalogItemId: 'item', optionId: 'opt', quantity: 2, intervalWeeks: 2, addressId: 'addr', paymentMethodId: 'card', agreeToRecurringPayment: true };

describe('subscriptionsSlice', () => {
  describe('the subscribe form’s Idempotency-Key', () => {
    it('is fresh for a first attempt and after a definite answer', () => {
      let state = reduce(initialSubscriptionsState, subscribePanelOpened({ itemId: 'item' }));
      expect(subscribeKeyFor(state.subscribe.retry, body, () => 'fresh')).toBe('fresh');
      state = reduce(state, subscribeSubmitted({ body, idempotencyKey: 'k1' }));
      state = reduce(state, subscribeFailed({ problem: aProblem({ status: 422, code: 'PAYMENT_DECLINED' }), idempotencyKey: 'k1', body }));
      expect(state.subscribe).toMatchObject({ phase: 'failed', retry: null });
      expect(subscribeKeyFor(state.subscribe.retry, body, () => 'k2')).toBe('k2');
    });

    it('is reused for the same form after an unknown outcome (network error, 5xx, still in progress), not for a changed one', () => {
      for (const problem of [aProblem({ status: 0, code: 'NETWORK_ERROR' }), aProblem({ status: 502, code: 'BAD_RESPONSE' }), aProblem({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' })]) {
        const state = reduce(initialSubscriptionsState, subscribeFailed({ problem, idempotencyKey: 'k1', body }));
        expect(subscribeKeyFor(state.subscribe.retry, { ...body }, () => 'new')).toBe('k1');
        expect(subscribeKeyFor(state.subscribe.retry, { ...body, quantity: 3 }, () => 'new')).toBe('new');
      }
    });

    it('starts clean for another item and after a success', () => {
      let state = reduce(initialSubscriptionsState, subscribePanelOpened({ itemId: 'item' }));
      state = reduce(state, subscribeFailed({ problem: aProblem({ status: 0, code: 'NETWORK_ERROR' }), idempotencyKey: 'k1', body }));
      expect(reduce(state, subscribePanelOpened({ itemId: 'item' })).subscribe.retry).not.toBeNull();
      expect(reduce(state, subscribePanelOpened({ itemId: 'other' })).subscribe.retry).toBeNull();
      expect(reduce(state, subscribed(aCreatedSubscription())).subscribe.retry).toBeNull();
    });
  });

  it('follows a first box still on its way until it settles', () => {
    let state = reduce(initialSubscriptionsState, subscribed(aCreatedSubscription({ status: 'PENDING_STOCK' })));
    expect(state.subscribe.phase).toBe('following');
    state = reduce(state, firstBoxUpdated(anOrderSummary({ status: 'CHARGING' })));
    expect(state.subscribe.phase).toBe('following');
    state = reduce(state, firstBoxUpdated(anOrderSummary({ status: 'STOCK_REFUSED' })));
    expect(state.subscribe).toMatchObject({ phase: 'done', result: { firstOrder: { status: 'STOCK_REFUSED' } } });
  });

  it('keeps a reopened subscription on screen while it reloads, and starts empty for another one', () => {
    let state = reduce(initialSubscriptionsState, subscriptionPageOpened({ id: SUB_ID }));
    state = reduce(state, subscriptionLoaded({ subscription: aSubscription(), boxes: [anOrderSummary()] }));
    expect(reduce(state, subscriptionPageOpened({ id: SUB_ID })).detail.subscription?.id).toBe(SUB_ID);
    expect(reduce(state, subscriptionPageOpened({ id: 'other' })).detail).toMatchObject({ id: 'other', subscription: null, boxes: [] });
  });

  it('marks the operation running, then shows the server’s subscription and says what happened', () => {
    let state = reduce(initialSubscriptionsState, subscriptionPageOpened({ id: SUB_ID }));
    state = reduce(state, subscriptionLoaded({ subscription: aSubscription(), boxes: [] }));
    state = reduce(state, subscriptionOperationRequested({ id: SUB_ID, op: { kind: 'skip' } }));
    expect(state.detail.busy).toBe('skip');
    state = reduce(state, subscriptionOperationSucceeded({ kind: 'skip', subscription: aSubscription({ nextBillingDate: '2026-12-19', version: 4 }) }));
    expect(state.detail).toMatchObject({ busy: null, notice: '다음 상자를 건너뛰었습니다. 다음 결제일은 2026-12-19입니다.', subscription: { version: 4 } });
    state = reduce(state, subscriptionOperationRequested({ id: SUB_ID, op: { kind: 'pause' } }));
    state = reduce(state, subscriptionOperationFailed({ kind: 'pause', problem: aProblem({ status: 409, code: 'INVALID_STATE' }) }));
    expect(state.detail).toMatchObject({ busy: null, notice: null, actionProblem: { code: 'INVALID_STATE' } });
  });
});
