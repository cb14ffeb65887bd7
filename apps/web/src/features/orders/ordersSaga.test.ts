import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { signedIn } from '../../test/test-utils';
import { anOrder, anOrderSummary, aPage } from './orderFixtures';
import { ordersApi } from './ordersApi';
import { ordersSaga } from './ordersSaga';
import { orderLoaded, orderLoadFailed, orderPageOpened, ordersLoaded, ordersPageOpened, ordersSlice } from './ordersSlice';

const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });

describe('ordersSaga and ordersSlice', () => {
  it('loads the page of orders asked for', async () => {
    const page = aPage([anOrderSummary()], { page: 2, total: 21 });
    const { storeState } = await expectSaga(ordersSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(ordersApi.list), page]])
      .call(ordersApi.list, 'access-token', 2)
      .put(ordersLoaded(page))
      .dispatch(ordersPageOpened({ page: 2 }))
      .silentRun(50);
    expect(storeState.orders.list).toMatchObject({ load: 'loaded', page: 2, total: 21 });
  });

  it('loads one order, and reports one that is not the caller’s', async () => {
    await expectSaga(ordersSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(ordersApi.get), anOrder()]])
      .call(ordersApi.get, 'access-token', 'order-1')
      .put(orderLoaded(anOrder()))
      .dispatch(orderPageOpened({ id: 'order-1' }))
      .silentRun(50);
    const { storeState } = await expectSaga(ordersSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(ordersApi.get), throwError(new ApiRequestError(404, 'NOT_FOUND', 'order not found'))]])
      .put.actionType(orderLoadFailed.type)
      .dispatch(orderPageOpened({ id: 'order-9' }))
      .silentRun(50);
    expect(storeState.orders.detail).toMatchObject({ load: 'failed', problem: { code: 'NOT_FOUND' } });
  });

  it('ignores an answer for an order the page no longer shows', () => {
    let state = ordersSlice.reducer(undefined, orderPageOpened({ id: 'order-2' }));
    state = ordersSlice.reducer(state, orderLoaded(anOrder({ id: 'order-1' })));
    expect(state.detail).toMatchObject({ id: 'order-2', order: null, load: 'loading' });
  });
});
