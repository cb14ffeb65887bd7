import type { CatalogMasterEntryDto, Page } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, takeLatest } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { adminCatalogApi } from './adminCatalogApi';
import { catalogMasterLoadFailed, catalogMasterLoaded, catalogMasterViewed } from './adminCatalogSlice';

function* loadCatalog(action: ReturnType<typeof catalogMasterViewed>): SagaIterator {
  try {
    const page: Page<CatalogMasterEntryDto> = yield* callWithAuth(adminCatalogApi.list, action.payload);
    yield put(catalogMasterLoaded(page));
  } catch (err) {
    yield put(catalogMasterLoadFailed(toProblem(err)));
  }
}

/** Watchers of the catalog master page. */
export function* adminCatalogSaga(): SagaIterator {
  yield takeLatest(catalogMasterViewed.type, loadCatalog);
}
