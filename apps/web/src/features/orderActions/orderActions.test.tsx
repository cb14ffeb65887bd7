import type { OrderAfterSaleDto } from '@roastery/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { renderWithProviders, signedIn } from '../../test/test-utils';
import { anOrder } from '../orders/orderFixtures';
import { orderPageOpened } from '../orders/ordersSlice';
import { OrderAfterSale } from './OrderAfterSale';
import { orderActionsApi } from './orderActionsApi';
import { orderActionsSaga } from './orderActionsSaga';
import { cancelSubmitted, confirmSubmitted, orderActionFailed, orderActionSucceeded } from './orderActionsSlice';

const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });

function afterSale(overrides: Partial<OrderAfterSaleDto> = {}): OrderAfterSaleDto {
  return {
    state: 'SHIPPED',
    fulfilment: {
      status: 'SHIPPED',
      parts: [{ partnerId: 'partner-1', partnerOrderId: 'po-1', status: 'SHIPPED', carrier: 'CJ대한통운', trackingNumber: '612345678901', shippedAt: '2026-11-22T01:00:00.000Z', deliveredAt: null, updatedAt: '2026-11-22T01:00:00.000Z' }],
    },
    cancellation: null,
    returnRequest: null,
    confirmedAt: null,
    confirmedAutomatically: false,
    autoConfirmAt: null,
    refunds: [{ id: 'refund-1', status: 'COMPLETED', amountWon: 5_000, reason: '배송 지연 보상', requestedBy: 'ADMIN', refusedCode: null, requestedAt: '2026-11-22T02:00:00.000Z', completedAt: '2026-11-22T02:00:02.000Z' }],
    lineRefunds: [{ lineId: 'line-1', refundedWon: 5_000 }],
    shippingRefundedWon: 0,
    refundedWon: 5_000,
    refundableWon: 31_000,
    actions: { canCancel: false, canReturn: false, canConfirm: false },
    ...overrides,
  };
}

describe('order actions (My page → order detail)', () => {
  it('cancels with a reason, then reloads the order', async () => {
    const { storeState } = await expectSaga(orderActionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(orderActionsApi.cancel), { requestId: 'req-1', status: 'OPEN' }]])
      .call(orderActionsApi.cancel, 'access-token', 'order-1', '주소를 잘못 입력했어요')
      .put(orderActionSucceeded({ orderId: 'order-1', kind: 'cancel' }))
      .put(orderPageOpened({ id: 'order-1' }))
      .dispatch(cancelSubmitted({ orderId: 'order-1', reason: '주소를 잘못 입력했어요' }))
      .silentRun(50);
    expect(storeState.orderActions).toMatchObject({ pending: null, done: { orderId: 'order-1', kind: 'cancel' }, problem: null });
  });

  it('reports a refused confirmation (409) as a problem', async () => {
    const { storeState } = await expectSaga(orderActionsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(orderActionsApi.confirm), throwError(new ApiRequestError(409, 'INVALID_STATE', 'purchase can be confirmed only after delivery'))]])
      .put.actionType(orderActionFailed.type)
      .dispatch(confirmSubmitted({ orderId: 'order-1' }))
      .silentRun(50);
    expect(storeState.orderActions.problem).toMatchObject({ status: 409, code: 'INVALID_STATE' });
  });

  it('shows tracking and refunds, and only the actions the order allows', () => {
    renderWithProviders(<OrderAfterSale order={anOrder({ afterSale: afterSale() })} />);
    expect(screen.getByTestId('tracking').textContent).toBe('CJ대한통운 612345678901');
    expect(screen.getByTestId('refund').getAttribute('data-status')).toBe('COMPLETED');
    expect(screen.getByTestId('refunded-total').textContent).toContain('5,000');
    expect(screen.queryByTestId('order-cancel')).toBeNull();
    expect(screen.queryByTestId('order-confirm')).toBeNull();
  });

  it('asks for a reason before sending a cancel', () => {
    const { store } = renderWithProviders(<OrderAfterSale order={anOrder({ afterSale: afterSale({ state: 'PAID', refunds: [], actions: { canCancel: true, canReturn: false, canConfirm: false } }) })} />);
    fireEvent.click(screen.getByTestId('order-cancel'));
    expect((screen.getByTestId('order-action-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('취소 사유'), { target: { value: '주소를 잘못 입력했어요' } });
    fireEvent.click(screen.getByTestId('order-action-submit'));
    expect(store.getState().orderActions.pending).toEqual({ orderId: 'order-1', kind: 'cancel' });
  });

  it('offers return and confirmation once delivered', () => {
    renderWithProviders(<OrderAfterSale order={anOrder({ afterSale: afterSale({ state: 'DELIVERED', actions: { canCancel: false, canReturn: true, canConfirm: true } }) })} />);
    expect(screen.queryByTestId('order-return')).not.toBeNull();
    expect(screen.queryByTestId('order-confirm')).not.toBeNull();
  });
});
