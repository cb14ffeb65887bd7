import { toShipItems, shipDraftErrors } from './shipForm';
import { aBulkResult, aQueue, ORDER_1, ORDER_2, ORDER_3, shippedOrder } from './studioOrdersFixtures';
import {
  bulkShipAnswered,
  bulkShipFailed,
  bulkShipSubmitted,
  initialStudioOrdersState,
  orderActionClicked,
  orderActionFailed,
  orderActionSucceeded,
  orderSelectionToggled,
  refundAccepted,
  refundDialogOpened,
  refundFailed,
  shipDaySelectionToggled,
  studioOrdersLoaded,
  studioOrdersSlice,
  type StudioOrdersState,
} from './studioOrdersSlice';

const reduce = (state: StudioOrdersState, ...actions: Array<{ type: string; payload?: unknown }>) => actions.reduce((s, a) => studioOrdersSlice.reducer(s, a), state);
const loaded = () => reduce(initialStudioOrdersState, studioOrdersLoaded({ queue: aQueue(), shipped: [], returns: [] }));
const problem = (status: number) => ({ status, code: status === 0 ? ('NETWORK_ERROR' as const) : ('INVALID_STATE' as const), message: 'Refused.', fieldErrors: {}, retryAfterSeconds: null });

describe('studioOrdersSlice', () => {
  it('ticks orders one by one or a whole ship-by day, and keeps only ticks of orders still in the queue on reload', () => {
    let s = reduce(loaded(), orderSelectionToggled({ id: ORDER_3.id }), shipDaySelectionToggled({ ids: [ORDER_1.id, ORDER_2.id] }));
    expect(s.selected).toEqual([ORDER_3.id, ORDER_1.id, ORDER_2.id]);
    s = reduce(s, shipDaySelectionToggled({ ids: [ORDER_1.id, ORDER_2.id] }), orderSelectionToggled({ id: ORDER_1.id }));
    expect(s.selected).toEqual([ORDER_3.id, ORDER_1.id]);
    s = reduce(s, studioOrdersLoaded({ queue: aQueue({ days: [{ ...aQueue().days[1] }] }), shipped: [shippedOrder(ORDER_1)], returns: [] }));
    expect(s.selected).toEqual([ORDER_3.id]);
  });

  it('keeps the bulk answer, unticks what shipped, and keeps the key only when the outcome is unknown', () => {
    let s = reduce(loaded(), shipDaySelectionToggled({ ids: [ORDER_1.id, ORDER_2.id] }), bulkShipSubmitted({ items: [], idempotencyKey: 'k1' }));
    expect(s.bulk.pending).toBe(true);
    s = reduce(s, bulkShipAnswered(aBulkResult()));
    expect(s.bulk).toMatchObject({ pending: false, result: { shipped: 1, failed: 1 } });
    expect(s.selected).toEqual([ORDER_2.id]);
    expect(reduce(s, bulkShipFailed({ problem: problem(0), idempotencyKey: 'k2' })).bulk.retryKey).toBe('k2');
    expect(reduce(s, bulkShipFailed({ problem: problem(409), idempotencyKey: 'k2' })).bulk.retryKey).toBeNull();
  });

  it('tracks a step per order and applies the answer wherever the order is listed', () => {
    let s = reduce(loaded(), orderActionClicked({ id: ORDER_1.id, action: 'prepare' }));
    expect(s.actions[ORDER_1.id]).toEqual({ pending: 'prepare', problem: null });
    s = reduce(s, orderActionSucceeded({ ...ORDER_1, status: 'PREPARING', version: 2 }));
    expect(s.actions[ORDER_1.id]).toBeUndefined();
    expect(s.queue?.days[0].orders[0]).toMatchObject({ status: 'PREPARING', version: 2 });
    s = reduce(s, orderActionFailed({ id: ORDER_2.id, problem: problem(409) }));
    expect(s.actions[ORDER_2.id]).toMatchObject({ pending: null, problem: { status: 409 } });
  });

  it('opens the refund dialog for one order and records the accepted refund or the refusal', () => {
    let s = reduce(loaded(), refundDialogOpened({ orderId: ORDER_1.id }));
    expect(s.refund).toMatchObject({ orderId: ORDER_1.id, refundId: null });
    expect(reduce(s, refundAccepted({ orderId: ORDER_2.id, refundId: 'r0' })).refund.refundId).toBeNull();
    s = reduce(s, refundAccepted({ orderId: ORDER_1.id, refundId: 'r1' }));
    expect(s.refund).toMatchObject({ pending: false, refundId: 'r1' });
    expect(reduce(s, refundFailed({ problem: problem(0), idempotencyKey: 'k' })).refund).toMatchObject({ retryKey: 'k', problem: { status: 0 } });
  });
});

describe('ship form', () => {
  it('checks carrier and tracking number as the server does', () => {
    expect(shipDraftErrors({ carrier: 'CJ대한통운', trackingNumber: '6012-3456-7890' })).toEqual({});
    expect(Object.keys(shipDraftErrors({ carrier: ' ', trackingNumber: '1234' })).sort()).toEqual(['carrier', 'trackingNumber']);
  });
  it('builds the items only when every ticked order has a valid draft', () => {
    const good = { carrier: ' 한진택배 ', trackingNumber: '501234567890' };
    expect(toShipItems(['a', 'b'], { a: good, b: { carrier: 'x', trackingNumber: '1' } })).toEqual({ items: [], invalid: ['b'] });
    expect(toShipItems(['a'], { a: good })).toEqual({ items: [{ orderId: 'a', carrier: '한진택배', trackingNumber: '501234567890' }], invalid: [] });
  });
});
