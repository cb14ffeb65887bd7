import type { AddressDto, Page } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { addressesApi } from './addressesApi';
import {
  addressActionFailed,
  addressAddFailed,
  addressAdded,
  addressDeleteConfirmed,
  addressDeleted,
  addressesLoaded,
  addressesLoadFailed,
  addressesPageOpened,
  addressFormSubmitted,
  defaultAddressChanged,
  defaultAddressChosen,
} from './addressesSlice';

function* loadAddresses(): SagaIterator {
  try {
    const page: Page<AddressDto> = yield* callWithAuth(addressesApi.list);
    yield put(addressesLoaded(page.items));
  } catch (err) {
    yield put(addressesLoadFailed(toProblem(err)));
  }
}

function* addAddress(action: ReturnType<typeof addressFormSubmitted>): SagaIterator {
  try {
    const created: AddressDto = yield* callWithAuth(addressesApi.create, action.payload.body, action.payload.idempotencyKey);
    yield put(addressAdded(created));
  } catch (err) {
    yield put(addressAddFailed(toProblem(err)));
  }
}

function* changeOrDelete(action: ReturnType<typeof defaultAddressChosen> | ReturnType<typeof addressDeleteConfirmed>): SagaIterator {
  const { id } = action.payload;
  try {
    if (defaultAddressChosen.match(action)) {
      const updated: AddressDto = yield* callWithAuth(addressesApi.setDefault, id);
      yield put(defaultAddressChanged(updated));
    } else {
      yield* callWithAuth(addressesApi.remove, id);
      yield put(addressDeleted({ id }));
      // Deleting the default promotes another address on the server: show what it chose.
      yield* loadAddresses();
    }
  } catch (err) {
    yield put(addressActionFailed(toProblem(err)));
  }
}

/** Watchers of the shipping addresses feature. */
export function* addressesSaga(): SagaIterator {
  yield takeLatest(addressesPageOpened.type, loadAddresses);
  // One write at a time: a double click cannot add twice or race a default change against a delete.
  yield takeLeading(addressFormSubmitted.type, addAddress);
  yield takeLeading([defaultAddressChosen.type, addressDeleteConfirmed.type], changeOrDelete);
}
