import type { Page, PartnerProductDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, select, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { ApiRequestError } from '../../common/apiClient';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { missingFieldsFrom } from './productForm';
import { studioProductsApi } from './studioProductsApi';
import {
  newProductSaveClicked,
  productCreated,
  productEditorOpened,
  productLoadFailed,
  productLoaded,
  productSaveClicked,
  productSaveFailed,
  productSaved,
  productSubmitFailed,
  productSubmitStarted,
  productSubmitted,
  productWithdrawn,
  selectEditor,
  stockUpdateFailed,
  stockUpdateSubmitted,
  stockUpdated,
  studioProductsLoadFailed,
  studioProductsLoaded,
  studioProductsViewed,
  submitForReviewClicked,
  withdrawConfirmed,
  withdrawFailed,
} from './studioProductsSlice';

function* loadList(action: ReturnType<typeof studioProductsViewed>): SagaIterator {
  try {
    const page: Page<PartnerProductDto> = yield* callWithAuth(studioProductsApi.list, action.payload);
    yield put(studioProductsLoaded(page));
  } catch (err) {
    yield put(studioProductsLoadFailed(toProblem(err)));
  }
}

function* loadProduct(action: ReturnType<typeof productEditorOpened>): SagaIterator {
  const { id } = action.payload;
  const editor: ReturnType<typeof selectEditor> = yield select(selectEditor);
  // A new product, or the draft this editor has just created: nothing to fetch.
  if (id === null || editor.load === 'loaded') return;
  try {
    const product: PartnerProductDto = yield* callWithAuth(studioProductsApi.get, id);
    yield put(productLoaded(product));
  } catch (err) {
    yield put(productLoadFailed(toProblem(err)));
  }
}

/** Sends the saved working version for review; a 422 lists the fields review still needs. */
function* submit(id: string): SagaIterator {
  try {
    const product: PartnerProductDto = yield* callWithAuth(studioProductsApi.submit, id);
    yield put(productSubmitted(product));
  } catch (err) {
    const missing = err instanceof ApiRequestError && err.status === 422 ? missingFieldsFrom(err.details) : [];
    yield put(productSubmitFailed({ problem: toProblem(err), missing }));
  }
}

function* createProduct(action: ReturnType<typeof newProductSaveClicked>): SagaIterator {
  const { body, idempotencyKey, submitAfter } = action.payload;
  let created: PartnerProductDto;
  try {
    created = yield* callWithAuth(studioProductsApi.create, body, idempotencyKey);
  } catch (err) {
    yield put(productSaveFailed(toProblem(err)));
    return;
  }
  yield put(productCreated(created));
  if (submitAfter) {
    yield put(productSubmitStarted());
    yield* submit(created.id);
  }
}

function* updateProduct(action: ReturnType<typeof productSaveClicked>): SagaIterator {
  const { id, body, submitAfter } = action.payload;
  let saved: PartnerProductDto;
  try {
    saved = yield* callWithAuth(studioProductsApi.update, id, body);
  } catch (err) {
    yield put(productSaveFailed(toProblem(err)));
    return;
  }
  yield put(productSaved(saved));
  if (submitAfter) {
    yield put(productSubmitStarted());
    yield* submit(id);
  }
}

function* submitAsIs(action: ReturnType<typeof submitForReviewClicked>): SagaIterator {
  yield* submit(action.payload.id);
}

function* updateStock(action: ReturnType<typeof stockUpdateSubmitted>): SagaIterator {
  const { productId, optionId, stock } = action.payload;
  try {
    const product: PartnerProductDto | undefined = yield* callWithAuth(studioProductsApi.updateStock, productId, { optionId, stock });
    // Some answers are the product, a 204 is nothing: then the stock we sent is the stock.
    yield put(stockUpdated({ productId, optionId, stock, product: product && 'current' in product ? product : null }));
  } catch (err) {
    yield put(stockUpdateFailed({ optionId, problem: toProblem(err) }));
  }
}

function* withdraw(action: ReturnType<typeof withdrawConfirmed>): SagaIterator {
  try {
    const product: PartnerProductDto = yield* callWithAuth(studioProductsApi.withdraw, action.payload.id);
    yield put(productWithdrawn(product));
  } catch (err) {
    yield put(withdrawFailed(toProblem(err)));
  }
}

/** Watchers of the partner studio's products. */
export function* studioProductsSaga(): SagaIterator {
  yield takeLatest(studioProductsViewed.type, loadList);
  yield takeLatest(productEditorOpened.type, loadProduct);
  // One save, submit or withdraw at a time: the buttons are disabled meanwhile, and a double click
  // must not create two drafts.
  yield takeLeading([newProductSaveClicked.type, productSaveClicked.type, submitForReviewClicked.type, withdrawConfirmed.type], function* (action: {
    type: string;
  }): SagaIterator {
    if (newProductSaveClicked.match(action)) yield* createProduct(action);
    else if (productSaveClicked.match(action)) yield* updateProduct(action);
    else if (submitForReviewClicked.match(action)) yield* submitAsIs(action);
    else if (withdrawConfirmed.match(action)) yield* withdraw(action);
  });
  // Different options can be restocked side by side.
  yield takeEvery(stockUpdateSubmitted.type, updateStock);
}
