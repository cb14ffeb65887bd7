import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CatalogMasterEntryDto, Page } from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import type { CatalogMasterQuery } from './adminCatalogApi';

export interface AdminCatalogState {
  query: CatalogMasterQuery;
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  problem: Problem | null;
  items: CatalogMasterEntryDto[];
  total: number;
}

export const initialAdminCatalogState: AdminCatalogState = { query: { page: 1, size: 20 }, load: 'idle', problem: null, items: [], total: 0 };

/** The catalog master as admins see it (/backoffice/catalog): one entry per catalog item, with merges. */
export const adminCatalogSlice = createSlice({
  name: 'adminCatalog',
  initialState: initialAdminCatalogState,
  reducers: {
    catalogMasterViewed(state, action: PayloadAction<CatalogMasterQuery>) {
      state.query = action.payload;
      state.load = 'loading';
      state.problem = null;
    },
    catalogMasterLoaded(state, action: PayloadAction<Page<CatalogMasterEntryDto>>) {
      state.load = 'loaded';
      state.items = action.payload.items;
      state.total = action.payload.total;
    },
    catalogMasterLoadFailed(state, action: PayloadAction<Problem>) {
      state.load = 'failed';
      state.problem = action.payload;
    },
  },
  selectors: {
    selectCatalogMaster: (state) => state,
    selectCatalogMasterPageCount: (state) => Math.max(1, Math.ceil(state.total / state.query.size)),
  },
});

export const { catalogMasterViewed, catalogMasterLoaded, catalogMasterLoadFailed } = adminCatalogSlice.actions;
export const { selectCatalogMaster, selectCatalogMasterPageCount } = adminCatalogSlice.selectors;
