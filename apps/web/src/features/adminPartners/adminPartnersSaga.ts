import type { Page } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { adminPartnersApi, type AdminPartnerDto } from './adminPartnersApi';
import {
  partnerStatusChangeFailed,
  partnerStatusChanged,
  partnerStatusConfirmed,
  partnersLoadFailed,
  partnersLoaded,
  partnersViewed,
  partnerTrustChanged,
  trustChangeFailed,
  trustToggled,
} from './adminPartnersSlice';

function* loadPartners(action: ReturnType<typeof partnersViewed>): SagaIterator {
  try {
    const page: Page<AdminPartnerDto> = yield* callWithAuth(adminPartnersApi.list, action.payload);
    yield put(partnersLoaded(page));
  } catch (err) {
    yield put(partnersLoadFailed(toProblem(err)));
  }
}

function* changeStatus(action: ReturnType<typeof partnerStatusConfirmed>): SagaIterator {
  const { id, action: what, reason } = action.payload;
  try {
    const call = what === 'suspend' ? adminPartnersApi.suspend : adminPartnersApi.reinstate;
    const partner: AdminPartnerDto = yield* callWithAuth(call, id, reason);
    yield put(partnerStatusChanged({ id, action: what, partner }));
  } catch (err) {
    yield put(partnerStatusChangeFailed({ id, problem: toProblem(err) }));
  }
}

function* changeTrust(action: ReturnType<typeof trustToggled>): SagaIterator {
  const { id, trusted } = action.payload;
  try {
    const partner: AdminPartnerDto = yield* callWithAuth(adminPartnersApi.trust, id, trusted);
    yield put(partnerTrustChanged({ id, trusted, partner }));
  } catch (err) {
    yield put(trustChangeFailed({ id, problem: toProblem(err) }));
  }
}

/** Watchers of the partner list. */
export function* adminPartnersSaga(): SagaIterator {
  yield takeLatest(partnersViewed.type, loadPartners);
  yield takeLeading(partnerStatusConfirmed.type, changeStatus);
  yield takeEvery(trustToggled.type, changeTrust);
}
