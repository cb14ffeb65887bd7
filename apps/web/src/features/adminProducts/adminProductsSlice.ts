import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Page, ProductReviewDto } from '@roastery/contracts';
import { pagedList } from '../../common/pagedList';
import type { Problem } from '../../common/problem';
import type { ApproveProductBody, ProductReviewQuery } from './adminProductsApi';

export interface ReviewDecision {
  pending: 'approve' | 'merge' | 'reject' | null;
  problem: Problem | null;
}

export interface AdminProductsState {
  query: ProductReviewQuery;
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  items: ProductReviewDto[];
  total: number;
  /** Per review: a decision in flight, or the error it ended with. */
  decisions: Record<string, ReviewDecision>;
  rejectDialog: { reviewId: string | null; submitting: boolean; problem: Problem | null };
  /** The approve-as-merge confirmation: which review, folded into which product. */
  mergeDialog: { reviewId: string | null; targetProductId: string | null };
  notice: string | null;
}

export const initialAdminProductsState: AdminProductsState = {
  query: { status: 'PENDING', page: 1, size: 20 },
  load: 'idle',
  loadProblem: null,
  items: [],
  total: 0,
  decisions: {},
  rejectDialog: { reviewId: null, submitting: false, problem: null },
  mergeDialog: { reviewId: null, targetProductId: null },
  notice: null,
};

const closedReject = initialAdminProductsState.rejectDialog;
const closedMerge = initialAdminProductsState.mergeDialog;

/** Puts a decided review back into the list, or drops it when the filter no longer matches. */
function applyDecision(state: AdminProductsState, decided: ProductReviewDto) {
  const index = state.items.findIndex((r) => r.id === decided.id);
  delete state.decisions[decided.id];
  if (index === -1) return;
  if (state.query.status && state.query.status !== decided.status) {
    state.items.splice(index, 1);
    state.total = Math.max(0, state.total - 1);
  } else {
    state.items[index] = decided;
  }
}

const label = (r: ProductReviewDto) => `${r.content.name} (v${r.version}, ${r.partner.name})`;

/** The admin's product review queue (/backoffice/products). */
export const adminProductsSlice = createSlice({
  name: 'adminProducts',
  initialState: initialAdminProductsState,
  reducers: {
    /** The page was shown or its filter/page changed (the URL is the source of the query). */
    productReviewsViewed(state, action: PayloadAction<ProductReviewQuery>) {
      pagedList.viewed(state, action.payload);
    },
    productReviewsLoaded(state, action: PayloadAction<Page<ProductReviewDto>>) {
      pagedList.loaded(state, action.payload);
      state.decisions = {};
    },
    productReviewsLoadFailed(state, action: PayloadAction<Problem>) {
      pagedList.failed(state, action.payload);
    },
    /** Approve as is, or (with `mergeInto`) fold the submission into the product it duplicates. */
    productApproveClicked(state, action: PayloadAction<{ id: string; body: ApproveProductBody }>) {
      state.decisions[action.payload.id] = { pending: action.payload.body.mergeInto ? 'merge' : 'approve', problem: null };
      state.mergeDialog = closedMerge;
      state.notice = null;
    },
    productReviewApproved(state, action: PayloadAction<ProductReviewDto>) {
      const r = action.payload;
      applyDecision(state, r);
      state.notice = r.status === 'MERGED' || r.mergedInto ? `Merged ${label(r)} into the existing product.` : `Approved ${label(r)}.`;
    },
    productApproveFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.decisions[action.payload.id] = { pending: null, problem: action.payload.problem };
    },
    mergeDialogOpened(state, action: PayloadAction<{ id: string; targetProductId: string }>) {
      state.mergeDialog = { reviewId: action.payload.id, targetProductId: action.payload.targetProductId };
      state.notice = null;
    },
    mergeDialogClosed(state) {
      state.mergeDialog = closedMerge;
    },
    productRejectDialogOpened(state, action: PayloadAction<{ id: string }>) {
      state.rejectDialog = { reviewId: action.payload.id, submitting: false, problem: null };
      state.notice = null;
    },
    productRejectDialogClosed(state) {
      if (!state.rejectDialog.submitting) state.rejectDialog = closedReject;
    },
    productRejectConfirmed(state, action: PayloadAction<{ id: string; reason: string }>) {
      state.rejectDialog = { reviewId: action.payload.id, submitting: true, problem: null };
      state.decisions[action.payload.id] = { pending: 'reject', problem: null };
    },
    productReviewRejected(state, action: PayloadAction<ProductReviewDto>) {
      applyDecision(state, action.payload);
      state.rejectDialog = closedReject;
      state.notice = `Rejected ${label(action.payload)}.`;
    },
    productRejectFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.rejectDialog = { reviewId: action.payload.id, submitting: false, problem: action.payload.problem };
      state.decisions[action.payload.id] = { pending: null, problem: null };
    },
    productReviewNoticeDismissed(state) {
      state.notice = null;
    },
  },
  selectors: {
    selectReviewQueue: (state) => state,
    selectReviewDecision: (state, id: string): ReviewDecision | undefined => state.decisions[id],
    selectProductRejectDialog: (state) => state.rejectDialog,
    selectProductRejectTarget: (state) => state.items.find((r) => r.id === state.rejectDialog.reviewId) ?? null,
    selectMergeDialog: (state) => state.mergeDialog,
    selectMergeTarget: (state) => state.items.find((r) => r.id === state.mergeDialog.reviewId) ?? null,
    selectReviewPageCount: (state) => Math.max(1, Math.ceil(state.total / state.query.size)),
  },
});

export const {
  productReviewsViewed,
  productReviewsLoaded,
  productReviewsLoadFailed,
  productApproveClicked,
  productReviewApproved,
  productApproveFailed,
  mergeDialogOpened,
  mergeDialogClosed,
  productRejectDialogOpened,
  productRejectDialogClosed,
  productRejectConfirmed,
  productReviewRejected,
  productRejectFailed,
  productReviewNoticeDismissed,
} = adminProductsSlice.actions;

export const {
  selectReviewQueue,
  selectReviewDecision,
  selectProductRejectDialog,
  selectProductRejectTarget,
  selectMergeDialog,
  selectMergeTarget,
  selectReviewPageCount,
} = adminProductsSlice.selectors;
