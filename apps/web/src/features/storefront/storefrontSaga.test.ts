import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aCatalogItem, aCatalogItemDetail, IDS } from '../../test/fixtures';
import { storefrontApi } from './storefrontApi';
import { POPULAR_SIZE, storefrontSaga } from './storefrontSaga';
import { catalogLoaded, catalogViewed, itemLoadFailed, itemLoaded, itemPageOpened, popularLoadFailed, popularLoaded, popularViewed } from './storefrontSlice';

const initial = () => rootReducer(undefined, { type: '@@INIT' });

describe('storefrontSaga', () => {
  it('loads the list for the filters in the URL', async () => {
    const filters = { q: '예가체프', sort: 'new' as const, page: 1 };
    const page = { items: [aCatalogItem()], page: 1, size: 12, total: 1 };
    const { storeState } = await expectSaga(storefrontSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(storefrontApi.list), page]])
      .call(storefrontApi.list, filters, 12)
      .put(catalogLoaded(page))
      .dispatch(catalogViewed({ filters, size: 12 }))
      .silentRun(50);
    expect(storeState.storefront.list).toMatchObject({ load: 'loaded', total: 1, filters });
  });

  it('loads the popular strip for a window, and hides it on failure', async () => {
    const ranking = { window: 'day' as const, items: [{ ...aCatalogItem(), rank: 1, score: 0 }] };
    await expectSaga(storefrontSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(storefrontApi.popular), ranking]])
      .call(storefrontApi.popular, 'day', POPULAR_SIZE)
      .put(popularLoaded(ranking))
      .dispatch(popularViewed({ window: 'day' }))
      .silentRun(50);
    await expectSaga(storefrontSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(storefrontApi.popular), throwError(new Error('down'))]])
      .put(popularLoadFailed())
      .dispatch(popularViewed({ window: 'week' }))
      .silentRun(50);
  });

  it('loads an item, and reports one that is gone', async () => {
    await expectSaga(storefrontSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(storefrontApi.item), aCatalogItemDetail()]])
      .put(itemLoaded(aCatalogItemDetail()))
      .dispatch(itemPageOpened({ id: IDS.item }))
      .silentRun(50);
    await expectSaga(storefrontSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(storefrontApi.item), throwError(new ApiRequestError(404, 'NOT_FOUND', 'Not found'))]])
      .put.like({ action: { type: itemLoadFailed.type, payload: { code: 'NOT_FOUND' } } })
      .dispatch(itemPageOpened({ id: IDS.otherItem }))
      .silentRun(50);
  });
});
