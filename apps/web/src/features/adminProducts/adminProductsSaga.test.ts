import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aProductReview, IDS } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import { adminProductsApi } from './adminProductsApi';
import { adminProductsSaga } from './adminProductsSaga';
import {
  productApproveClicked,
  productApproveFailed,
  productRejectConfirmed,
  productReviewApproved,
  productReviewRejected,
  productReviewsLoaded,
  productReviewsViewed,
} from './adminProductsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(admin) });

describe('adminProductsSaga', () => {
  it('loads the queue for the filter', () => {
    const page = { items: [aProductReview()], page: 1, size: 20, total: 1 };
    return expectSaga(adminProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminProductsApi.list), page]])
      .call(adminProductsApi.list, 'access-token', { status: 'PENDING', page: 1, size: 20 })
      .put(productReviewsLoaded(page))
      .dispatch(productReviewsViewed({ status: 'PENDING', page: 1, size: 20 }))
      .silentRun(50);
  });

  it('approves as a merge into the suspected duplicate', () => {
    const merged = aProductReview({ status: 'MERGED', mergedInto: IDS.otherProduct });
    return expectSaga(adminProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminProductsApi.approve), merged]])
      .call(adminProductsApi.approve, 'access-token', IDS.review, { mergeInto: IDS.otherProduct })
      .put(productReviewApproved(merged))
      .dispatch(productApproveClicked({ id: IDS.review, body: { mergeInto: IDS.otherProduct } }))
      .silentRun(50);
  });

  it('reports an approval another admin got to first', () =>
    expectSaga(adminProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminProductsApi.approve), throwError(new ApiRequestError(409, 'INVALID_STATE', 'Already decided'))]])
      .put.like({ action: { type: productApproveFailed.type, payload: { id: IDS.review, problem: { code: 'INVALID_STATE' } } } })
      .dispatch(productApproveClicked({ id: IDS.review, body: {} }))
      .silentRun(50));

  it('rejects with the reason', () => {
    const rejected = aProductReview({ status: 'REJECTED', reason: 'Photos are blurry' });
    return expectSaga(adminProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminProductsApi.reject), rejected]])
      .call(adminProductsApi.reject, 'access-token', IDS.review, 'Photos are blurry')
      .put(productReviewRejected(rejected))
      .dispatch(productRejectConfirmed({ id: IDS.review, reason: 'Photos are blurry' }))
      .silentRun(50);
  });
});
