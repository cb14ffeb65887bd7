import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aCatalogMasterEntry } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import { adminCatalogApi } from './adminCatalogApi';
import { adminCatalogSaga } from './adminCatalogSaga';
import { catalogMasterLoadFailed, catalogMasterLoaded, catalogMasterViewed } from './adminCatalogSlice';

const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] })) });

describe('adminCatalogSaga', () => {
  it('loads a page of the catalog master', () => {
    const page = { items: [aCatalogMasterEntry()], page: 2, size: 20, total: 21 };
    return expectSaga(adminCatalogSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminCatalogApi.list), page]])
      .call(adminCatalogApi.list, 'access-token', { page: 2, size: 20 })
      .put(catalogMasterLoaded(page))
      .hasFinalState({ ...initial(), adminCatalog: { query: { page: 2, size: 20 }, load: 'loaded', problem: null, items: page.items, total: 21 } })
      .dispatch(catalogMasterViewed({ page: 2, size: 20 }))
      .silentRun(50);
  });

  it('keeps the failure for the page to show', () =>
    expectSaga(adminCatalogSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminCatalogApi.list), throwError(new ApiRequestError(503, 'BAD_RESPONSE', 'Unavailable'))]])
      .put.like({ action: { type: catalogMasterLoadFailed.type, payload: { status: 503 } } })
      .dispatch(catalogMasterViewed({ page: 1, size: 20 }))
      .silentRun(50));
});
