import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Page, PartnerProductDto } from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import type { CreateProductBody, ProductListQuery, UpdateProductBody } from './studioProductsApi';

type Load = 'idle' | 'loading' | 'loaded' | 'failed';

export interface StockEdit {
  saving: boolean;
  problem: Problem | null;
}

export interface StudioProductsState {
  list: { query: ProductListQuery; load: Load; problem: Problem | null; items: PartnerProductDto[]; total: number };
  editor: {
    /** null while writing a new product that has not been saved yet. */
    productId: string | null;
    load: Load;
    loadProblem: Problem | null;
    product: PartnerProductDto | null;
    /** What is in flight: saving the form, submitting for review (after a save, or alone), withdrawing. */
    pending: 'save' | 'submit' | 'withdraw' | null;
    problem: Problem | null;
    /** Fields the server (422) or the pre-check listed as missing for review. */
    missing: string[];
    /** Set once a new draft exists, so the page can move to its URL. */
    createdId: string | null;
    stock: Record<string, StockEdit>;
    notice: string | null;
    /**
     * Bumped whenever the server's product replaces what the form should start from (load, save,
     * submit), not on a stock change, so unsaved edits survive restocking.
     */
    revision: number;
  };
}

export const initialStudioProductsState: StudioProductsState = {
  list: { query: { page: 1, size: 20 }, load: 'idle', problem: null, items: [], total: 0 },
  editor: {
    productId: null,
    load: 'idle',
    loadProblem: null,
    product: null,
    pending: null,
    problem: null,
    missing: [],
    createdId: null,
    stock: {},
    notice: null,
    revision: 0,
  },
};

/** Keeps the list in step with a product the editor changed. */
function upsert(state: StudioProductsState, product: PartnerProductDto) {
  const i = state.list.items.findIndex((p) => p.id === product.id);
  if (i === -1) {
    state.list.items.unshift(product);
    state.list.total += 1;
  } else state.list.items[i] = product;
}

function showProduct(state: StudioProductsState, product: PartnerProductDto, notice: string) {
  state.editor.product = product;
  state.editor.productId = product.id;
  state.editor.load = 'loaded';
  state.editor.pending = null;
  state.editor.problem = null;
  state.editor.missing = [];
  state.editor.notice = notice;
  state.editor.revision += 1;
  upsert(state, product);
}

/** The partner's products (/studio) and the product editor (/studio/products/:id). */
export const studioProductsSlice = createSlice({
  name: 'studioProducts',
  initialState: initialStudioProductsState,
  reducers: {
    studioProductsViewed(state, action: PayloadAction<ProductListQuery>) {
      state.list.query = action.payload;
      state.list.load = 'loading';
      state.list.problem = null;
    },
    studioProductsLoaded(state, action: PayloadAction<Page<PartnerProductDto>>) {
      state.list.load = 'loaded';
      state.list.items = action.payload.items;
      state.list.total = action.payload.total;
    },
    studioProductsLoadFailed(state, action: PayloadAction<Problem>) {
      state.list.load = 'failed';
      state.list.problem = action.payload;
    },
    /** The editor opened for a product, or (`id: null`) for a new one. */
    productEditorOpened(state, action: PayloadAction<{ id: string | null }>) {
      const { id } = action.payload;
      // The URL just moved from /new to the draft it created: keep what the editor shows.
      if (id !== null && id === state.editor.createdId) {
        state.editor.createdId = null;
        return;
      }
      const known = id ? (state.list.items.find((p) => p.id === id) ?? null) : null;
      state.editor = {
        ...initialStudioProductsState.editor,
        productId: id,
        load: id ? 'loading' : 'loaded',
        product: known,
        revision: state.editor.revision + 1,
      };
    },
    productLoaded(state, action: PayloadAction<PartnerProductDto>) {
      if (state.editor.productId !== action.payload.id) return;
      state.editor.load = 'loaded';
      state.editor.product = action.payload;
      state.editor.revision += 1;
    },
    productLoadFailed(state, action: PayloadAction<Problem>) {
      state.editor.load = 'failed';
      state.editor.loadProblem = action.payload;
    },
    newProductSaveClicked(state, _action: PayloadAction<{ body: CreateProductBody; idempotencyKey: string; submitAfter: boolean }>) {
      state.editor.pending = 'save';
      state.editor.problem = null;
      state.editor.missing = [];
      state.editor.notice = null;
    },
    productSaveClicked(state, _action: PayloadAction<{ id: string; body: UpdateProductBody; submitAfter: boolean }>) {
      state.editor.pending = 'save';
      state.editor.problem = null;
      state.editor.missing = [];
      state.editor.notice = null;
    },
    productCreated(state, action: PayloadAction<PartnerProductDto>) {
      showProduct(state, action.payload, 'Draft saved.');
      state.editor.createdId = action.payload.id;
    },
    productSaved(state, action: PayloadAction<PartnerProductDto>) {
      showProduct(state, action.payload, 'Changes saved.');
    },
    productSaveFailed(state, action: PayloadAction<Problem>) {
      state.editor.pending = null;
      state.editor.problem = action.payload;
    },
    /** Submit the saved working version as it is. */
    submitForReviewClicked(state, _action: PayloadAction<{ id: string }>) {
      state.editor.pending = 'submit';
      state.editor.problem = null;
      state.editor.missing = [];
      state.editor.notice = null;
    },
    /** A save that goes on to submit reached its second step. */
    productSubmitStarted(state) {
      state.editor.pending = 'submit';
    },
    productSubmitted(state, action: PayloadAction<PartnerProductDto>) {
      showProduct(state, action.payload, `Version ${action.payload.current.version} was sent for review.`);
    },
    productSubmitFailed(state, action: PayloadAction<{ problem: Problem; missing: string[] }>) {
      state.editor.pending = null;
      state.editor.problem = action.payload.problem;
      state.editor.missing = action.payload.missing;
    },
    /** The pre-check found fields review needs; nothing was sent. */
    submitBlocked(state, action: PayloadAction<{ missing: string[] }>) {
      state.editor.missing = action.payload.missing;
      state.editor.notice = null;
      state.editor.problem = null;
    },
    stockUpdateSubmitted(state, action: PayloadAction<{ productId: string; optionId: string; stock: number }>) {
      state.editor.stock[action.payload.optionId] = { saving: true, problem: null };
    },
    /** Stock changed; the answer is the product, or nothing when the server answers 204. */
    stockUpdated(state, action: PayloadAction<{ productId: string; optionId: string; stock: number; product: PartnerProductDto | null }>) {
      const { optionId, stock, product } = action.payload;
      delete state.editor.stock[optionId];
      if (product) {
        if (state.editor.product?.id === product.id) state.editor.product = product;
        upsert(state, product);
        return;
      }
      const option = state.editor.product?.current.options.find((o) => o.id === optionId);
      if (option) option.stock = stock;
    },
    stockUpdateFailed(state, action: PayloadAction<{ optionId: string; problem: Problem }>) {
      state.editor.stock[action.payload.optionId] = { saving: false, problem: action.payload.problem };
    },
    withdrawConfirmed(state, _action: PayloadAction<{ id: string }>) {
      state.editor.pending = 'withdraw';
      state.editor.problem = null;
      state.editor.notice = null;
    },
    productWithdrawn(state, action: PayloadAction<PartnerProductDto>) {
      showProduct(state, action.payload, 'The product was withdrawn and is no longer on sale.');
    },
    withdrawFailed(state, action: PayloadAction<Problem>) {
      state.editor.pending = null;
      state.editor.problem = action.payload;
    },
    editorNoticeDismissed(state) {
      state.editor.notice = null;
    },
  },
  selectors: {
    selectProductList: (state) => state.list,
    selectProductListPageCount: (state) => Math.max(1, Math.ceil(state.list.total / state.list.query.size)),
    selectEditor: (state) => state.editor,
    selectEditedProduct: (state) => state.editor.product,
    selectStockEdit: (state, optionId: string): StockEdit | undefined => state.editor.stock[optionId],
  },
});

export const {
  studioProductsViewed,
  studioProductsLoaded,
  studioProductsLoadFailed,
  productEditorOpened,
  productLoaded,
  productLoadFailed,
  newProductSaveClicked,
  productSaveClicked,
  productCreated,
  productSaved,
  productSaveFailed,
  submitForReviewClicked,
  productSubmitStarted,
  productSubmitted,
  productSubmitFailed,
  submitBlocked,
  stockUpdateSubmitted,
  stockUpdated,
  stockUpdateFailed,
  withdrawConfirmed,
  productWithdrawn,
  withdrawFailed,
  editorNoticeDismissed,
} = studioProductsSlice.actions;

export const { selectProductList, selectProductListPageCount, selectEditor, selectEditedProduct, selectStockEdit } = studioProductsSlice.selectors;
