import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aReview } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import { adminApplicationsApi } from './adminApplicationsApi';
import { adminApplicationsSaga } from './adminApplicationsSaga';
import {
  applicationApproved,
  applicationRejected,
  approveClicked,
  approveFailed,
  rejectConfirmed,
  reviewQueueLoaded,
  reviewQueueViewed,
} from './adminApplicationsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(admin) });

describe('adminApplicationsSaga', () => {
  it('loads the queue for the filter in the URL', () => {
    const page = { items: [aReview({ findings: [{ code: 'DUPLICATE_REGISTRATION_NUMBER', message: 'Seen before' }] })], page: 1, size: 20, total: 1 };
    const query = { status: 'PENDING' as const, page: 1, size: 20 };
    return expectSaga(adminApplicationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminApplicationsApi.list), page]])
      .call(adminApplicationsApi.list, 'access-token', query)
      .put(reviewQueueLoaded(page))
      .dispatch(reviewQueueViewed(query))
      .silentRun(50);
  });

  it('approves and reports the decided application', async () => {
    const approved = aReview({ status: 'APPROVED', decidedBy: admin.id });
    const { storeState } = await expectSaga(adminApplicationsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(adminApplicationsApi.list), { items: [aReview()], page: 1, size: 20, total: 1 }],
        [matchers.call.fn(adminApplicationsApi.approve), approved],
      ])
      .call(adminApplicationsApi.approve, 'access-token', 'app-1')
      .put(applicationApproved(approved))
      .dispatch(reviewQueueViewed({ status: 'PENDING', page: 1, size: 20 }))
      .dispatch(approveClicked({ id: 'app-1' }))
      .silentRun(50);
    expect(storeState.adminApplications.items).toEqual([]);
  });

  it('reports an approval that lost a race with another admin', () =>
    expectSaga(adminApplicationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminApplicationsApi.approve), throwError(new ApiRequestError(409, 'INVALID_STATE', 'Already decided'))]])
      .put(
        approveFailed({
          id: 'app-1',
          problem: { status: 409, code: 'INVALID_STATE', message: 'Already decided', fieldErrors: {}, retryAfterSeconds: null },
        }),
      )
      .dispatch(approveClicked({ id: 'app-1' }))
      .silentRun(50));

  it('rejects with the reason', () => {
    const rejected = aReview({ status: 'REJECTED', reason: 'Certificate unreadable' });
    return expectSaga(adminApplicationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminApplicationsApi.reject), rejected]])
      .call(adminApplicationsApi.reject, 'access-token', 'app-1', 'Certificate unreadable')
      .put(applicationRejected(rejected))
      .dispatch(rejectConfirmed({ id: 'app-1', reason: 'Certificate unreadable' }))
      .silentRun(50);
  });
});
