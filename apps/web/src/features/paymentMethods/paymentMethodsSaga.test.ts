import { configureStore } from '@reduxjs/toolkit';
import type { PaymentMethodDto, PaymentMethodSetupDto } from '@roastery/contracts';
import createSagaMiddleware from 'redux-saga';
import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aCard } from '../../test/myPageFixtures';
import { signedIn } from '../../test/test-utils';
import { browserLocation, openBillingWindow } from './billingWindow';
import { paymentMethodsApi } from './paymentMethodsApi';
import { paymentMethodsSaga } from './paymentMethodsSaga';
import {
  billingAuthReturned,
  billingWindowFailed,
  cardActionFailed,
  cardDeleteConfirmed,
  cardDeleted,
  cardRegistered,
  cardRegistrationClicked,
  cardRegistrationFailed,
  defaultCardChanged,
  defaultCardChosen,
  paymentMethodsLoaded,
  paymentMethodsPageOpened,
} from './paymentMethodsSlice';
import { registrationIdempotencyKey } from './registrationKey';

const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });
const page = (items: PaymentMethodDto[]) => ({ items, page: 1, size: items.length, total: items.length });
const first = aCard();
const second = aCard({ id: 'card-2', cardCompany: 'KB국민', maskedNumber: '94901312****789*', isDefault: false });
const setup: PaymentMethodSetupDto = { customerKey: 'cus_0123', provider: 'sandbox', windowUrl: 'http://sandbox.test/window/billing-auth', clientKey: null };

describe('paymentMethodsSaga', () => {
  it('loads the cards when the page opens', () =>
    expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(paymentMethodsApi.list), page([first])]])
      .put(paymentMethodsLoaded([first]))
      .dispatch(paymentMethodsPageOpened(undefined))
      .silentRun(50));

  it('"카드 등록" fetches the setup and opens the window for this origin', () =>
    expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(paymentMethodsApi.setup), setup],
        [matchers.call.fn(browserLocation.origin), 'http://web.test'],
        [matchers.call.fn(openBillingWindow), undefined],
      ])
      .call(paymentMethodsApi.setup, 'access-token')
      .call(openBillingWindow, setup, 'http://web.test')
      .not.put.actionType(billingWindowFailed.type)
      .dispatch(cardRegistrationClicked())
      .silentRun(50));

  it('shows a failed setup', () =>
    expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(paymentMethodsApi.setup), throwError(new ApiRequestError(503, 'BAD_RESPONSE', 'down'))]])
      .put(billingWindowFailed({ status: 503, code: 'BAD_RESPONSE', message: 'down', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(cardRegistrationClicked())
      .silentRun(50));

  it('registers the returned authKey with a key derived from it, then reloads the list', async () => {
    const { storeState } = await expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(paymentMethodsApi.register), first],
        [matchers.call.fn(paymentMethodsApi.list), page([first])],
      ])
      .call(paymentMethodsApi.register, 'access-token', { authKey: 'bln_auth_1', customerKey: 'cus_0123' }, registrationIdempotencyKey('bln_auth_1'))
      .put(cardRegistered(first))
      .put(paymentMethodsPageOpened({ keepNotice: true }))
      .put(paymentMethodsLoaded([first]))
      .dispatch(billingAuthReturned({ authKey: 'bln_auth_1', customerKey: 'cus_0123' }))
      .silentRun(50);
    expect(storeState.paymentMethods.registration).toMatchObject({ status: 'registered', cardId: 'card-1' });
    expect(storeState.paymentMethods.items).toEqual([first]);
  });

  it('posts an authKey once however often it is dispatched', async () => {
    const register = jest.spyOn(paymentMethodsApi, 'register').mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve(first), 5)));
    const list = jest.spyOn(paymentMethodsApi, 'list').mockResolvedValue(page([first]));
    try {
      const sagaMiddleware = createSagaMiddleware();
      const store = configureStore({ reducer: rootReducer, preloadedState: initial(), middleware: (d) => d({ thunk: false }).concat(sagaMiddleware) });
      sagaMiddleware.run(paymentMethodsSaga);
      store.dispatch(billingAuthReturned({ authKey: 'bln_auth_1', customerKey: 'cus_0123' }));
      store.dispatch(billingAuthReturned({ authKey: 'bln_auth_1', customerKey: 'cus_0123' }));
      await new Promise((resolve) => setTimeout(resolve, 30));
      store.dispatch(billingAuthReturned({ authKey: 'bln_auth_1', customerKey: 'cus_0123' }));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(register).toHaveBeenCalledTimes(1);
      expect(store.getState().paymentMethods.registration.status).toBe('registered');
    } finally {
      register.mockRestore();
      list.mockRestore();
    }
  });

  it("shows Toss's message when the server refuses the authKey", () =>
    expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(paymentMethodsApi.register), throwError(new ApiRequestError(422, 'CONFLICT', '유효하지 않은 인증 키입니다.'))]])
      .put(cardRegistrationFailed({ status: 422, code: 'CONFLICT', message: '유효하지 않은 인증 키입니다.', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(billingAuthReturned({ authKey: 'forged', customerKey: 'cus_0123' }))
      .silentRun(50));

  it('makes a card the default', () =>
    expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(paymentMethodsApi.setDefault), { ...second, isDefault: true }]])
      .call(paymentMethodsApi.setDefault, 'access-token', 'card-2')
      .put(defaultCardChanged({ ...second, isDefault: true }))
      .dispatch(defaultCardChosen({ id: 'card-2' }))
      .silentRun(50));

  it('deletes a card and reloads; a refusal (card in use) is shown', async () => {
    await expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(paymentMethodsApi.remove), undefined],
        [matchers.call.fn(paymentMethodsApi.list), page([second])],
      ])
      .put(cardDeleted({ id: 'card-1' }))
      .put(paymentMethodsLoaded([second]))
      .dispatch(cardDeleteConfirmed({ id: 'card-1' }))
      .silentRun(50);
    const inUse = new ApiRequestError(409, 'CONFLICT', 'the only card of an active subscription');
    await expectSaga(paymentMethodsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(paymentMethodsApi.remove), throwError(inUse)]])
      .put(cardActionFailed({ status: 409, code: 'CONFLICT', message: 'the only card of an active subscription', fieldErrors: {}, retryAfterSeconds: null }))
      .not.put.actionType(cardDeleted.type)
      .dispatch(cardDeleteConfirmed({ id: 'card-1' }))
      .silentRun(50);
  });
});
