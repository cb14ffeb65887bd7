import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aPartnerProduct, IDS } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import { studioProductsApi, type CreateProductBody } from './studioProductsApi';
import { studioProductsSaga } from './studioProductsSaga';
import {
  newProductSaveClicked,
  productCreated,
  productEditorOpened,
  productLoaded,
  productSaveClicked,
  productSaveFailed,
  productSaved,
  productSubmitFailed,
  productSubmitStarted,
  productSubmitted,
  stockUpdateSubmitted,
  stockUpdated,
  studioProductsLoaded,
  studioProductsViewed,
} from './studioProductsSlice';

const partner = anAccount({ roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [IDS.partner] });
const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(partner) });

const body: CreateProductBody = {
  name: 'Kochere',
  origin: { country: 'Ethiopia', region: '' },
  producer: '',
  lot: '',
  variety: '',
  process: 'Washed',
  roastLevel: 'LIGHT',
  tastingNotes: [],
  description: '',
  imageUrls: [],
  options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000, stock: 3 }],
};

describe('studioProductsSaga', () => {
  it('loads the partner’s products', () => {
    const page = { items: [aPartnerProduct()], page: 1, size: 20, total: 1 };
    return expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioProductsApi.list), page]])
      .call(studioProductsApi.list, 'access-token', { page: 1, size: 20 })
      .put(studioProductsLoaded(page))
      .dispatch(studioProductsViewed({ page: 1, size: 20 }))
      .silentRun(50);
  });

  it('fetches a product for the editor', () =>
    expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioProductsApi.get), aPartnerProduct()]])
      .call(studioProductsApi.get, 'access-token', IDS.product)
      .put(productLoaded(aPartnerProduct()))
      .dispatch(productEditorOpened({ id: IDS.product }))
      .silentRun(50));

  it('creates a draft with an idempotency key, then submits it when asked', async () => {
    const created = aPartnerProduct();
    const submitted = aPartnerProduct({ status: 'IN_REVIEW' }, { status: 'IN_REVIEW' });
    const { storeState } = await expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioProductsApi.create), created],
        [matchers.call.fn(studioProductsApi.submit), submitted],
      ])
      .call(studioProductsApi.create, 'access-token', body, 'key-1')
      .put(productCreated(created))
      .put(productSubmitStarted())
      .call(studioProductsApi.submit, 'access-token', IDS.product)
      .put(productSubmitted(submitted))
      .dispatch(productEditorOpened({ id: null }))
      .dispatch(newProductSaveClicked({ body, idempotencyKey: 'key-1', submitAfter: true }))
      .silentRun(50);
    expect(storeState.studioProducts.editor).toMatchObject({ createdId: IDS.product, pending: null, product: { status: 'IN_REVIEW' } });
  });

  it('saves edits with the option ids it was given', () => {
    const update = { name: 'Kochere', options: [{ id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN' as const, priceWon: 19000 }] };
    return expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioProductsApi.update), aPartnerProduct()]])
      .call(studioProductsApi.update, 'access-token', IDS.product, update)
      .put(productSaved(aPartnerProduct()))
      .not.call.fn(studioProductsApi.submit)
      .dispatch(productSaveClicked({ id: IDS.product, body: update, submitAfter: false }))
      .silentRun(50);
  });

  it('lists the fields a 422 from submit names as missing', () => {
    const refused = new ApiRequestError(422, 'VALIDATION_FAILED', 'Not ready for review', [{ path: 'roastLevel', message: 'required' }]);
    return expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(studioProductsApi.update), aPartnerProduct()],
        [matchers.call.fn(studioProductsApi.submit), throwError(refused)],
      ])
      .put.like({ action: { type: productSubmitFailed.type, payload: { missing: ['roastLevel'], problem: { status: 422 } } } })
      .dispatch(productSaveClicked({ id: IDS.product, body: {}, submitAfter: true }))
      .silentRun(50);
  });

  it('does not submit when the save failed', () =>
    expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioProductsApi.update), throwError(new ApiRequestError(409, 'INVALID_STATE', 'In review'))]])
      .put.like({ action: { type: productSaveFailed.type, payload: { code: 'INVALID_STATE' } } })
      .not.call.fn(studioProductsApi.submit)
      .dispatch(productSaveClicked({ id: IDS.product, body: {}, submitAfter: true }))
      .silentRun(50));

  it('changes one option’s stock', () => {
    const restocked = aPartnerProduct({}, { options: [{ id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000, stock: 99 }] });
    return expectSaga(studioProductsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(studioProductsApi.updateStock), restocked]])
      .call(studioProductsApi.updateStock, 'access-token', IDS.product, { optionId: IDS.option200, stock: 99 })
      .put(stockUpdated({ productId: IDS.product, optionId: IDS.option200, stock: 99, product: restocked }))
      .dispatch(stockUpdateSubmitted({ productId: IDS.product, optionId: IDS.option200, stock: 99 }))
      .silentRun(50);
  });
});
