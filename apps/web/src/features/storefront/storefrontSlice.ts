import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CatalogItemDetailDto, CatalogItemSummaryDto, Page, PopularItemsDto } from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import { DEFAULT_SORT, type CatalogFilters } from './catalogQuery';
import type { PopularWindow } from './storefrontApi';

type Load = 'idle' | 'loading' | 'loaded' | 'failed';

export interface StorefrontState {
  list: { filters: CatalogFilters; size: number; load: Load; problem: Problem | null; items: CatalogItemSummaryDto[]; total: number };
  popular: { window: PopularWindow; load: Load; items: PopularItemsDto['items'] };
  detail: { id: string | null; load: Load; problem: Problem | null; item: CatalogItemDetailDto | null };
}

export const initialStorefrontState: StorefrontState = {
  list: { filters: { sort: DEFAULT_SORT, page: 1 }, size: 12, load: 'idle', problem: null, items: [], total: 0 },
  popular: { window: 'week', load: 'idle', items: [] },
  detail: { id: null, load: 'idle', problem: null, item: null },
};

/** The storefront: catalog list with filters, the popular strip, and the item page. */
export const storefrontSlice = createSlice({
  name: 'storefront',
  initialState: initialStorefrontState,
  reducers: {
    /** The list was shown, or its filters changed (the URL is their source). */
    catalogViewed(state, action: PayloadAction<{ filters: CatalogFilters; size: number }>) {
      state.list.filters = action.payload.filters;
      state.list.size = action.payload.size;
      state.list.load = 'loading';
      state.list.problem = null;
    },
    catalogLoaded(state, action: PayloadAction<Page<CatalogItemSummaryDto>>) {
      state.list.load = 'loaded';
      state.list.items = action.payload.items;
      state.list.total = action.payload.total;
    },
    catalogLoadFailed(state, action: PayloadAction<Problem>) {
      state.list.load = 'failed';
      state.list.problem = action.payload;
    },
    popularViewed(state, action: PayloadAction<{ window: PopularWindow }>) {
      state.popular.window = action.payload.window;
      state.popular.load = 'loading';
    },
    popularLoaded(state, action: PayloadAction<PopularItemsDto>) {
      if (action.payload.window !== state.popular.window) return;
      state.popular.load = 'loaded';
      state.popular.items = action.payload.items;
    },
    /** The strip is a bonus: a failure hides it instead of showing an error. */
    popularLoadFailed(state) {
      state.popular.load = 'failed';
      state.popular.items = [];
    },
    itemPageOpened(state, action: PayloadAction<{ id: string }>) {
      const { id } = action.payload;
      state.detail = { id, load: 'loading', problem: null, item: state.detail.item?.id === id ? state.detail.item : null };
    },
    itemLoaded(state, action: PayloadAction<CatalogItemDetailDto>) {
      if (action.payload.id !== state.detail.id) return;
      state.detail.load = 'loaded';
      state.detail.item = action.payload;
    },
    itemLoadFailed(state, action: PayloadAction<Problem>) {
      state.detail.load = 'failed';
      state.detail.problem = action.payload;
    },
  },
  selectors: {
    selectCatalogList: (state) => state.list,
    selectCatalogPageCount: (state) => Math.max(1, Math.ceil(state.list.total / state.list.size)),
    selectPopular: (state) => state.popular,
    selectItemDetail: (state) => state.detail,
  },
});

export const { catalogViewed, catalogLoaded, catalogLoadFailed, popularViewed, popularLoaded, popularLoadFailed, itemPageOpened, itemLoaded, itemLoadFailed } =
  storefrontSlice.actions;

export const { selectCatalogList, selectCatalogPageCount, selectPopular, selectItemDetail } = storefrontSlice.selectors;
