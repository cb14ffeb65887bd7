import type { SagaIterator } from 'redux-saga';
import { all, fork } from 'redux-saga/effects';
import { adminApplicationsSaga } from '../features/adminApplications/adminApplicationsSaga';
import { authSaga } from '../features/auth/authSaga';
import { partnerApplicationSaga } from '../features/partnerApplication/partnerApplicationSaga';

/** Starts every feature's watchers. */
export function* rootSaga(): SagaIterator {
  yield all([fork(authSaga), fork(partnerApplicationSaga), fork(adminApplicationsSaga)]);
}
