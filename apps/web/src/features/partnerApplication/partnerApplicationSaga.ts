import type { MyApplicationsDto, PartnerApplicationDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { call, put, select, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { pause } from '../../common/utils/pause';
import { selectHasRole } from '../auth/authSlice';
import { callWithAuth, refreshAccount } from '../auth/callWithAuth';
import { partnerApplicationApi } from './partnerApplicationApi';
import {
  applicationSubmitFailed,
  applicationSubmitted,
  applyFormSubmitted,
  myApplicationsLoadFailed,
  myApplicationsLoaded,
  partnerPageOpened,
  partnerRoleRefreshClicked,
  partnerRoleSyncFinished,
  partnerRoleSyncStarted,
  statusCheckClicked,
} from './partnerApplicationSlice';

/** How often to look for the PARTNER role after an approval, and how long to wait between. */
export const ROLE_SYNC_ATTEMPTS = 5;
export const ROLE_SYNC_DELAY_MS = 1500;

function* loadMyApplications(): SagaIterator {
  try {
    const mine: MyApplicationsDto = yield* callWithAuth(partnerApplicationApi.mine);
    yield put(myApplicationsLoaded(mine));
    if (mine.current?.status === 'APPROVED') yield call(syncPartnerRoleIfMissing);
  } catch (err) {
    yield put(myApplicationsLoadFailed(toProblem(err)));
  }
}

function* submitApplication(action: ReturnType<typeof applyFormSubmitted>): SagaIterator {
  const { body, idempotencyKey } = action.payload;
  try {
    const created: PartnerApplicationDto = yield* callWithAuth(partnerApplicationApi.submit, body, idempotencyKey);
    yield put(applicationSubmitted(created));
  } catch (err) {
    yield put(applicationSubmitFailed(toProblem(err)));
  }
}

function* syncPartnerRoleIfMissing(): SagaIterator {
  const isPartner: boolean = yield select(selectHasRole, 'PARTNER');
  if (!isPartner) yield call(syncPartnerRole);
}

/**
 * The application is approved but the account may not carry PARTNER yet: the grant travels
 * admin-service → business-service → user-service over the bus. Refresh the session (new tokens
 * and /api/me) a few times until the role appears, then leave a manual "refresh" to the user.
 */
export function* syncPartnerRole(): SagaIterator {
  yield put(partnerRoleSyncStarted());
  for (let attempt = 1; attempt <= ROLE_SYNC_ATTEMPTS; attempt++) {
    const refreshed: boolean = yield call(refreshAccount);
    const isPartner: boolean = yield select(selectHasRole, 'PARTNER');
    if (isPartner) {
      yield put(partnerRoleSyncFinished({ granted: true }));
      return;
    }
    if (!refreshed || attempt === ROLE_SYNC_ATTEMPTS) break;
    yield call(pause, ROLE_SYNC_DELAY_MS * attempt);
  }
  yield put(partnerRoleSyncFinished({ granted: false }));
}

/** Watchers of the partner application feature. */
export function* partnerApplicationSaga(): SagaIterator {
  yield takeLatest([partnerPageOpened.type, statusCheckClicked.type], loadMyApplications);
  yield takeLeading(applyFormSubmitted.type, submitApplication);
  yield takeLatest(partnerRoleRefreshClicked.type, syncPartnerRole);
}
