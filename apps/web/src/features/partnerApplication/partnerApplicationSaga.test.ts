import type { TokenPair } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { fork } from 'redux-saga/effects';
import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { dynamic, throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { pause } from '../../common/utils/pause';
import { anApplication } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import { authApi, refreshStoredSession } from '../auth/authApi';
import { authSaga } from '../auth/authSaga';
import { accountLoaded } from '../auth/authSlice';
import { partnerApplicationApi, type PartnerApplicationBody } from './partnerApplicationApi';
import { partnerApplicationSaga, ROLE_SYNC_ATTEMPTS } from './partnerApplicationSaga';
import {
  applicationSubmitFailed,
  applicationSubmitted,
  applyFormSubmitted,
  myApplicationsLoaded,
  myApplicationsLoadFailed,
  partnerPageOpened,
  partnerRoleSyncFinished,
  partnerRoleSyncStarted,
  statusCheckClicked,
} from './partnerApplicationSlice';

const body: PartnerApplicationBody = {
  businessName: 'Bean There Roasters',
  registrationNumber: '1208147521',
  representative: 'Mina Park',
  phone: '01012345678',
  email: 'mina@beanthere.kr',
  payoutBank: 'KB Kookmin',
  payoutAccount: '123456789012',
};
const pair: TokenPair = { accessToken: 'access-2', refreshToken: 'refresh-token-number-2', expiresIn: 900, tokenType: 'Bearer' };
const subscriber = anAccount();
const partner = anAccount({ roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: ['partner-1'] });

function* withAuth(): SagaIterator {
  yield fork(authSaga);
  yield fork(partnerApplicationSaga);
}

const initial = (account = subscriber) => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(account) });

describe('partnerApplicationSaga', () => {
  it('loads my applications when the page opens', () => {
    const mine = { current: anApplication(), history: [] };
    return expectSaga(partnerApplicationSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(partnerApplicationApi.mine), mine]])
      .put(myApplicationsLoaded(mine))
      .not.put(partnerRoleSyncStarted())
      .dispatch(partnerPageOpened())
      .silentRun(50);
  });

  it('reports a failed load', () =>
    expectSaga(partnerApplicationSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(partnerApplicationApi.mine), throwError(new ApiRequestError(503, 'BAD_RESPONSE', 'down'))]])
      .put(myApplicationsLoadFailed({ status: 503, code: 'BAD_RESPONSE', message: 'down', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(statusCheckClicked())
      .silentRun(50));

  it('submits with the idempotency key and shows the new application', () => {
    const created = anApplication();
    return expectSaga(partnerApplicationSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(partnerApplicationApi.submit), created]])
      .call(partnerApplicationApi.submit, 'access-token', body, 'key-1')
      .put(applicationSubmitted(created))
      .dispatch(applyFormSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50);
  });

  it("maps the server's validation details onto form fields", () => {
    const refusal = new ApiRequestError(400, 'VALIDATION_FAILED', 'Invalid request', [
      { path: 'registrationNumber', message: 'checksum does not match' },
      { path: ['payoutAccount'], message: 'must be 8 to 20 digits' },
    ]);
    return expectSaga(partnerApplicationSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(partnerApplicationApi.submit), throwError(refusal)]])
      .put(
        applicationSubmitFailed({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: 'Invalid request',
          fieldErrors: { registrationNumber: 'Checksum does not match', payoutAccount: 'Must be 8 to 20 digits' },
          retryAfterSeconds: null,
        }),
      )
      .dispatch(applyFormSubmitted({ body, idempotencyKey: 'key-1' }))
      .silentRun(50);
  });

  it('after an approval, refreshes the session until the PARTNER role arrives', async () => {
    // The grant reaches user-service a moment after the approval: the first /api/me lacks it.
    const accounts = [subscriber, partner];
    const mine = { current: anApplication({ status: 'APPROVED', partnerId: 'partner-1' }), history: [] };
    const { storeState } = await expectSaga(withAuth)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(partnerApplicationApi.mine), mine],
        [matchers.call.fn(refreshStoredSession), pair],
        [matchers.call.fn(authApi.me), dynamic(() => accounts.shift() ?? partner)],
        [matchers.call.fn(pause), undefined],
      ])
      .put(myApplicationsLoaded(mine))
      .put(partnerRoleSyncStarted())
      .put(accountLoaded(subscriber))
      .put(accountLoaded(partner))
      .put(partnerRoleSyncFinished({ granted: true }))
      .dispatch(partnerPageOpened())
      .silentRun(100);
    expect(storeState.auth.account?.roles).toContain('PARTNER');
    expect(storeState.partnerApplication.roleSync).toBe('granted');
  });

  it('stops after a few attempts and leaves a manual refresh', async () => {
    const mine = { current: anApplication({ status: 'APPROVED' }), history: [] };
    const me = jest.fn(() => subscriber);
    const { storeState } = await expectSaga(withAuth)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(partnerApplicationApi.mine), mine],
        [matchers.call.fn(refreshStoredSession), pair],
        [matchers.call.fn(authApi.me), dynamic(me)],
        [matchers.call.fn(pause), undefined],
      ])
      .put(partnerRoleSyncFinished({ granted: false }))
      .dispatch(partnerPageOpened())
      .silentRun(100);
    expect(me).toHaveBeenCalledTimes(ROLE_SYNC_ATTEMPTS);
    expect(storeState.partnerApplication.roleSync).toBe('pending');
  });

  it('does not refresh when the account already is a partner', () => {
    const mine = { current: anApplication({ status: 'APPROVED' }), history: [] };
    return expectSaga(withAuth)
      .withReducer(rootReducer, initial(partner))
      .provide([[matchers.call.fn(partnerApplicationApi.mine), mine]])
      .not.put(partnerRoleSyncStarted())
      .dispatch(partnerPageOpened())
      .silentRun(50);
  });
});
