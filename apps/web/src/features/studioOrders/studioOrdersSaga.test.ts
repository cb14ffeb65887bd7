import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { dynamic, throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { anAccount, signedIn } from '../../test/test-utils';
import { studioOrdersApi } from './studioOrdersApi';
import { aBulkResult, aPartnerOrder, aQueue, ORDER_1, ORDER_2, shippedOrder } from './studioOrdersFixtures';
import { studioOrdersSaga } from './studioOrdersSaga';
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

const roaster = anAccount({ roles: ['SUBSCRIBER', 'PARTNER'] });
const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(roaster) });
const page = <T>(items: T[]) => ({ items, page: 1, size: 100, total: items.length });
const returned = aPartnerOrder({ id: 'ret-1', status: 'RETURN_REQUESTED', returnReason: 'stale' });
const byStatus = dynamic(({ args }: { args: unknown[] }) => (args[1] === 'SHIPPED' ? page([shippedOrder(ORDER_1)]) : page([returned])));

describe('studioOrdersSaga', () => {
  it('loads the queue, the shipped orders and the returns together', async () => {
    const { storeState } = await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioOrdersApi.queue), aQueue()],
        [matchers.call.fn(studioOrdersApi.byStatus), byStatus],
      ])
      .call(studioOrdersApi.byStatus, 'access-token', 'SHIPPED')
      .call(studioOrdersApi.byStatus, 'access-token', 'RETURN_REQUESTED')
      .put(studioOrdersLoaded({ queue: aQueue(), shipped: [shippedOrder(ORDER_1)], returns: [returned] }))
      .dispatch(studioOrdersViewed())
      .silentRun(50);
    expect(storeState.studioOrders).toMatchObject({ load: 'loaded', queue: { total: 3 }, shipped: [{ status: 'SHIPPED' }], returns: [{ id: 'ret-1' }] });
  });

  it('reports a failed load', async () => {
    await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioOrdersApi.queue), throwError(new ApiRequestError(403, 'FORBIDDEN', 'not a member of a partner'))],
        [matchers.call.fn(studioOrdersApi.byStatus), byStatus],
      ])
      .put.like({ action: { type: studioOrdersLoadFailed.type, payload: { code: 'FORBIDDEN' } } })
      .dispatch(studioOrdersViewed())
      .silentRun(50);
  });

  it('ships in bulk with the key, keeps the per-item answer and reloads', async () => {
    const items = [
      { orderId: ORDER_1.id, carrier: 'CJ대한통운', trackingNumber: '601234567890' },
      { orderId: ORDER_2.id, carrier: 'CJ대한통운', trackingNumber: '601234567891' },
    ];
    const { storeState } = await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioOrdersApi.shipMany), aBulkResult()],
        [matchers.call.fn(studioOrdersApi.queue), aQueue()],
        [matchers.call.fn(studioOrdersApi.byStatus), byStatus],
      ])
      .call(studioOrdersApi.shipMany, 'access-token', items, 'bulk-1')
      .put(bulkShipAnswered(aBulkResult()))
      .put.like({ action: { type: studioOrdersLoaded.type } })
      .dispatch(bulkShipSubmitted({ items, idempotencyKey: 'bulk-1' }))
      .silentRun(50);
    expect(storeState.studioOrders.bulk.result?.results[1]).toMatchObject({ outcome: 'FAILED', code: 'INVALID_STATE' });
  });

  it('keeps the key of a bulk ship whose answer was lost', async () => {
    const { storeState } = await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioOrdersApi.shipMany), throwError(new ApiRequestError(0, 'NETWORK_ERROR', 'Could not reach the server.'))]])
      .put.like({ action: { type: bulkShipFailed.type, payload: { idempotencyKey: 'bulk-2' } } })
      .dispatch(bulkShipSubmitted({ items: [], idempotencyKey: 'bulk-2' }))
      .silentRun(50);
    expect(storeState.studioOrders.bulk.retryKey).toBe('bulk-2');
  });

  it('marks an order delivered, or shows the refusal beside it', async () => {
    const delivered = { ...shippedOrder(ORDER_1), status: 'DELIVERED' as const };
    await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioOrdersApi.act), delivered],
        [matchers.call.fn(studioOrdersApi.queue), aQueue()],
        [matchers.call.fn(studioOrdersApi.byStatus), byStatus],
      ])
      .call(studioOrdersApi.act, 'access-token', ORDER_1.id, 'deliver')
      .put(orderActionSucceeded(delivered))
      .dispatch(orderActionClicked({ id: ORDER_1.id, action: 'deliver' }))
      .silentRun(50);

    const { storeState } = await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioOrdersApi.act), throwError(new ApiRequestError(409, 'INVALID_STATE', 'a CANCELLED order cannot be prepared'))]])
      .put.like({ action: { type: orderActionFailed.type, payload: { id: ORDER_2.id, problem: { code: 'INVALID_STATE' } } } })
      .dispatch(orderActionClicked({ id: ORDER_2.id, action: 'prepare' }))
      .silentRun(50);
    expect(storeState.studioOrders.actions[ORDER_2.id].problem?.message).toBe('a CANCELLED order cannot be prepared');
  });

  it('requests a refund with the key and reports one above the limit', async () => {
    await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioOrdersApi.refund), { refundId: 'r-1' }],
        [matchers.call.fn(studioOrdersApi.queue), aQueue()],
        [matchers.call.fn(studioOrdersApi.byStatus), byStatus],
      ])
      .call(studioOrdersApi.refund, 'access-token', ORDER_1.id, { amount: 10_000, reason: 'broken bag' }, 'rk-1')
      .put(refundAccepted({ orderId: ORDER_1.id, refundId: 'r-1' }))
      .dispatch(refundSubmitted({ orderId: ORDER_1.id, amount: 10_000, reason: 'broken bag', idempotencyKey: 'rk-1' }))
      .silentRun(50);

    await expectSaga(studioOrdersSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioOrdersApi.refund), throwError(new ApiRequestError(422, 'VALIDATION_FAILED', 'a partner may refund at most 50000 won at a time'))]])
      .put.like({ action: { type: refundFailed.type, payload: { problem: { status: 422 }, idempotencyKey: 'rk-2' } } })
      .dispatch(refundSubmitted({ orderId: ORDER_1.id, amount: 60_000, reason: 'x', idempotencyKey: 'rk-2' }))
      .silentRun(50);
  });
});
