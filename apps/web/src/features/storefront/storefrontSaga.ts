import type { CatalogItemDetailDto, CatalogItemSummaryDto, Page, PopularItemsDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { call, put, takeLatest } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { storefrontApi } from './storefrontApi';
import {
  catalogLoadFailed,
  catalogLoaded,
  catalogViewed,
  itemLoadFailed,
  itemLoaded,
  itemPageOpened,
  popularLoadFailed,
  popularLoaded,
  popularViewed,
} from './storefrontSlice';

/** How many ranked items the popular strip shows. */
export const POPULAR_SIZE = 6;

function* loadList(action: ReturnType<typeof catalogViewed>): SagaIterator {
  try {
    const page: Page<CatalogItemSummaryDto> = yield call(storefrontApi.list, action.payload.filters, action.payload.size);
    yield put(catalogLoaded(page));
  } catch (err) {
    yield put(catalogLoadFailed(toProblem(err)));
  }
}

function* loadPopular(action: ReturnType<typeof popularViewed>): SagaIterator {
  try {
    const ranking: PopularItemsDto = yield call(storefrontApi.popular, action.payload.window, POPULAR_SIZE);
    // An answer without its window is the window that was asked for.
    yield put(popularLoaded({ ...ranking, window: ranking.window ?? action.payload.window }));
  } catch {
    yield put(popularLoadFailed());
  }
}

function* loadItem(action: ReturnType<typeof itemPageOpened>): SagaIterator {
  try {
    const item: CatalogItemDetailDto = yield call(storefrontApi.item, action.payload.id);
    yield put(itemLoaded(item));
  } catch (err) {
    yield put(itemLoadFailed(toProblem(err)));
  }
}

/** Watchers of the storefront (public endpoints: no token, no refresh). */
export function* storefrontSaga(): SagaIterator {
  yield takeLatest(catalogViewed.type, loadList);
  yield takeLatest(popularViewed.type, loadPopular);
  yield takeLatest(itemPageOpened.type, loadItem);
}
