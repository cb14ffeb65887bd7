import type { AddressDto } from '@roastery/contracts';
import { configureStore } from '@reduxjs/toolkit';
import createSagaMiddleware from 'redux-saga';
import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { anAddress } from '../../test/myPageFixtures';
import { signedIn } from '../../test/test-utils';
import { addressesApi } from './addressesApi';
import { addressesSaga } from './addressesSaga';
import {
  addressActionFailed,
  addressAddFailed,
  addressDeleteConfirmed,
  addressDeleted,
  addressesLoaded,
  addressesLoadFailed,
  addressesPageOpened,
  addressFormSubmitted,
  defaultAddressChanged,
  defaultAddressChosen,
} from './addressesSlice';


const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });
const page = (items: AddressDto[]) => ({ items, page: 1, size: 20, total: items.length });
const home = anAddress();
const office = anAddress({ id: 'addr-2', label: '회사', isDefault: false, createdAt: '2025-11-21T09:00:00.000Z' });
const body = { label: null, recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '' };

describe('addressesSaga', () => {
  it('loads the addresses when the page opens', () =>
    expectSaga(addressesSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(addressesApi.list), page([home, office])]])
      .call(addressesApi.list, 'access-token')
      .put(addressesLoaded([home, office]))
      .dispatch(addressesPageOpened())
      .silentRun(50));

  it('reports a failed load', () =>
    expectSaga(addressesSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(addressesApi.list), throwError(new ApiRequestError(503, 'BAD_RESPONSE', 'down'))]])
      .put(addressesLoadFailed({ status: 503, code: 'BAD_RESPONSE', message: 'down', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(addressesPageOpened())
      .silentRun(50));

  it('adds an address once, with the idempotency key, even when submitted twice', async () => {
    // A real (slow) request in a running store: the second submit arrives while the first runs.
    const create = jest.spyOn(addressesApi, 'create').mockImplementation(() => new Promise<AddressDto>((resolve) => setTimeout(() => resolve(office), 10)));
    try {
      const sagaMiddleware = createSagaMiddleware();
      const store = configureStore({ reducer: rootReducer, preloadedState: initial(), middleware: (d) => d({ thunk: false }).concat(sagaMiddleware) });
      sagaMiddleware.run(addressesSaga);
      store.dispatch(addressFormSubmitted({ body, idempotencyKey: 'key-1' }));
      store.dispatch(addressFormSubmitted({ body, idempotencyKey: 'key-1' }));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(create).toHaveBeenCalledTimes(1);
      expect(create).toHaveBeenCalledWith('access-token', body, 'key-1');
      expect(store.getState().addresses.items).toEqual([office]);
      expect(store.getState().addresses.add).toMatchObject({ submitting: false, revision: 1 });
    } finally {
      create.mockRestore();
    }
  });

  it("maps the server's validation details onto form fields", () =>
    expectSaga(addressesSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(addressesApi.create), throwError(new ApiRequestError(400, 'VALIDATION_FAILED', 'request is invalid', [{ path: 'postalCode', message: 'must be 5 digits' }]))],
      ])
      .put(
        addressAddFailed({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: 'request is invalid',
          fieldErrors: { postalCode: 'Must be 5 digits' },
          retryAfterSeconds: null,
        }),
      )
      .dispatch(addressFormSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50));

  it('makes an address the default', async () => {
    const { storeState } = await expectSaga(addressesSaga)
      .withReducer(rootReducer, { ...initial(), addresses: { ...initial().addresses, load: 'loaded', items: [home, office] } })
      .provide([[matchers.call.fn(addressesApi.setDefault), { ...office, isDefault: true }]])
      .call(addressesApi.setDefault, 'access-token', 'addr-2')
      .put(defaultAddressChanged({ ...office, isDefault: true }))
      .dispatch(defaultAddressChosen({ id: 'addr-2' }))
      .silentRun(50);
    expect(storeState.addresses.items.map((a: AddressDto) => [a.id, a.isDefault])).toEqual([
      ['addr-2', true],
      ['addr-1', false],
    ]);
  });

  it('deletes the default and reloads to show the one the server promoted', async () => {
    const { storeState } = await expectSaga(addressesSaga)
      .withReducer(rootReducer, { ...initial(), addresses: { ...initial().addresses, load: 'loaded', items: [home, office] } })
      .provide([
        [matchers.call.fn(addressesApi.remove), undefined],
        [matchers.call.fn(addressesApi.list), page([{ ...office, isDefault: true }])],
      ])
      .call(addressesApi.remove, 'access-token', 'addr-1')
      .put(addressDeleted({ id: 'addr-1' }))
      .put(addressesLoaded([{ ...office, isDefault: true }]))
      .dispatch(addressDeleteConfirmed({ id: 'addr-1' }))
      .silentRun(50);
    expect(storeState.addresses.items).toEqual([{ ...office, isDefault: true }]);
  });

  it('reports a refused action and keeps the list', async () => {
    const { storeState } = await expectSaga(addressesSaga)
      .withReducer(rootReducer, { ...initial(), addresses: { ...initial().addresses, load: 'loaded', items: [home] } })
      .provide([[matchers.call.fn(addressesApi.remove), throwError(new ApiRequestError(404, 'NOT_FOUND', 'address not found'))]])
      .put(addressActionFailed({ status: 404, code: 'NOT_FOUND', message: 'address not found', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(addressDeleteConfirmed({ id: 'addr-1' }))
      .silentRun(50);
    expect(storeState.addresses.items).toEqual([home]);
  });
});
