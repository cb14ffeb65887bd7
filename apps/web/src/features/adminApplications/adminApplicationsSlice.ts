import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ApplicationReviewDto, Page } from '@roastery/contracts';
import { pagedList } from '../../common/pagedList';
import type { Problem } from '../../common/problem';
import type { ReviewQueueQuery } from './adminApplicationsApi';

export interface Decision {
  pending: 'approve' | 'reject' | null;
  problem: Problem | null;
}

export interface AdminApplicationsState {
  query: ReviewQueueQuery;
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  items: ApplicationReviewDto[];
  total: number;
  /** Per application: an approve or reject in flight, or the error it ended with. */
  decisions: Record<string, Decision>;
  rejectDialog: { applicationId: string | null; submitting: boolean; problem: Problem | null };
  notice: string | null;
}

export const initialAdminApplicationsState: AdminApplicationsState = {
  query: { status: 'PENDING', page: 1, size: 20 },
  load: 'idle',
  loadProblem: null,
  items: [],
  total: 0,
  decisions: {},
  rejectDialog: { applicationId: null, submitting: false, problem: null },
  notice: null,
};

const closedDialog = initialAdminApplicationsState.rejectDialog;

/** Puts a decided application back into the list, or drops it when the filter no longer matches. */
function applyDecision(state: AdminApplicationsState, decided: ApplicationReviewDto) {
  const index = state.items.findIndex((a) => a.id === decided.id);
  if (index === -1) return;
  if (state.query.status && state.query.status !== decided.status) {
    state.items.splice(index, 1);
    state.total = Math.max(0, state.total - 1);
  } else {
    state.items[index] = decided;
  }
  delete state.decisions[decided.id];
}

/** The admin's partner application review queue (/backoffice/applications). */
export const adminApplicationsSlice = createSlice({
  name: 'adminApplications',
  initialState: initialAdminApplicationsState,
  reducers: {
    /** The page was shown or its filter/page changed (the URL is the source of the query). */
    reviewQueueViewed(state, action: PayloadAction<ReviewQueueQuery>) {
      pagedList.viewed(state, action.payload);
    },
    reviewQueueLoaded(state, action: PayloadAction<Page<ApplicationReviewDto>>) {
      pagedList.loaded(state, action.payload);
      state.decisions = {};
    },
    reviewQueueLoadFailed(state, action: PayloadAction<Problem>) {
      pagedList.failed(state, action.payload);
    },
    approveClicked(state, action: PayloadAction<{ id: string }>) {
      state.decisions[action.payload.id] = { pending: 'approve', problem: null };
      state.notice = null;
    },
    applicationApproved(state, action: PayloadAction<ApplicationReviewDto>) {
      applyDecision(state, action.payload);
      state.notice = `Approved ${action.payload.businessName}.`;
    },
    approveFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.decisions[action.payload.id] = { pending: null, problem: action.payload.problem };
    },
    rejectDialogOpened(state, action: PayloadAction<{ id: string }>) {
      state.rejectDialog = { applicationId: action.payload.id, submitting: false, problem: null };
      state.notice = null;
    },
    rejectDialogClosed(state) {
      if (!state.rejectDialog.submitting) state.rejectDialog = closedDialog;
    },
    rejectConfirmed(state, action: PayloadAction<{ id: string; reason: string }>) {
      state.rejectDialog = { applicationId: action.payload.id, submitting: true, problem: null };
      state.decisions[action.payload.id] = { pending: 'reject', problem: null };
    },
    applicationRejected(state, action: PayloadAction<ApplicationReviewDto>) {
      applyDecision(state, action.payload);
      state.rejectDialog = closedDialog;
      state.notice = `Rejected ${action.payload.businessName}.`;
    },
    rejectFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.rejectDialog = { applicationId: action.payload.id, submitting: false, problem: action.payload.problem };
      state.decisions[action.payload.id] = { pending: null, problem: null };
    },
    noticeDismissed(state) {
      state.notice = null;
    },
  },
  selectors: {
    selectQuery: (state) => state.query,
    selectQueueLoad: (state) => state.load,
    selectQueueProblem: (state) => state.loadProblem,
    selectQueueItems: (state) => state.items,
    selectQueueTotal: (state) => state.total,
    selectDecision: (state, id: string): Decision | undefined => state.decisions[id],
    selectRejectDialog: (state) => state.rejectDialog,
    selectRejectTarget: (state) => state.items.find((a) => a.id === state.rejectDialog.applicationId) ?? null,
    selectNotice: (state) => state.notice,
    selectPageCount: (state) => Math.max(1, Math.ceil(state.total / state.query.size)),
  },
});

export const {
  reviewQueueViewed,
  reviewQueueLoaded,
  reviewQueueLoadFailed,
  approveClicked,
  applicationApproved,
  approveFailed,
  rejectDialogOpened,
  rejectDialogClosed,
  rejectConfirmed,
  applicationRejected,
  rejectFailed,
  noticeDismissed,
} = adminApplicationsSlice.actions;

export const {
  selectQuery,
  selectQueueLoad,
  selectQueueProblem,
  selectQueueItems,
  selectQueueTotal,
  selectDecision,
  selectRejectDialog,
  selectRejectTarget,
  selectNotice,
  selectPageCount,
} = adminApplicationsSlice.selectors;
