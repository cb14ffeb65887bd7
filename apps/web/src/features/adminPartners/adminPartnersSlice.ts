import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Page } from '@roastery/contracts';
import { pagedList } from '../../common/pagedList';
import type { Problem } from '../../common/problem';
import type { AdminPartnerDto, PartnerListQuery } from './adminPartnersApi';

export type StatusAction = 'suspend' | 'reinstate';

export interface PartnerChange {
  pending: 'suspend' | 'reinstate' | 'trust' | null;
  problem: Problem | null;
}

export interface AdminPartnersState {
  query: PartnerListQuery;
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  items: AdminPartnerDto[];
  total: number;
  changes: Record<string, PartnerChange>;
  /** Suspend or reinstate, each with a required reason. */
  dialog: { partnerId: string | null; action: StatusAction; submitting: boolean; problem: Problem | null };
  notice: string | null;
}

export const initialAdminPartnersState: AdminPartnersState = {
  query: { page: 1, size: 20 },
  load: 'idle',
  loadProblem: null,
  items: [],
  total: 0,
  changes: {},
  dialog: { partnerId: null, action: 'suspend', submitting: false, problem: null },
  notice: null,
};

const closedDialog = initialAdminPartnersState.dialog;

function patch(state: AdminPartnersState, id: string, changes: Partial<AdminPartnerDto>) {
  const partner = state.items.find((p) => p.id === id);
  if (partner) Object.assign(partner, changes);
  delete state.changes[id];
  return partner;
}

/** The admin's partner list (/backoffice/partners): suspension and the trusted switch. */
export const adminPartnersSlice = createSlice({
  name: 'adminPartners',
  initialState: initialAdminPartnersState,
  reducers: {
    partnersViewed(state, action: PayloadAction<PartnerListQuery>) {
      pagedList.viewed(state, action.payload);
    },
    partnersLoaded(state, action: PayloadAction<Page<AdminPartnerDto>>) {
      pagedList.loaded(state, action.payload);
      state.changes = {};
    },
    partnersLoadFailed(state, action: PayloadAction<Problem>) {
      pagedList.failed(state, action.payload);
    },
    partnerStatusDialogOpened(state, action: PayloadAction<{ id: string; action: StatusAction }>) {
      state.dialog = { partnerId: action.payload.id, action: action.payload.action, submitting: false, problem: null };
      state.notice = null;
    },
    partnerStatusDialogClosed(state) {
      if (!state.dialog.submitting) state.dialog = closedDialog;
    },
    partnerStatusConfirmed(state, action: PayloadAction<{ id: string; action: StatusAction; reason: string }>) {
      state.dialog = { ...state.dialog, partnerId: action.payload.id, action: action.payload.action, submitting: true, problem: null };
      state.changes[action.payload.id] = { pending: action.payload.action, problem: null };
    },
    partnerStatusChanged(state, action: PayloadAction<{ id: string; action: StatusAction; partner: Partial<AdminPartnerDto> }>) {
      const { id, action: what, partner } = action.payload;
      const updated = patch(state, id, { status: what === 'suspend' ? 'SUSPENDED' : 'ACTIVE', ...partner });
      state.dialog = closedDialog;
      const name = updated?.name ?? 'the partner';
      state.notice = what === 'suspend' ? `Suspended ${name}: its items are off sale.` : `Reinstated ${name}: its approved items are back on sale.`;
    },
    partnerStatusChangeFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.dialog = { ...state.dialog, submitting: false, problem: action.payload.problem };
      state.changes[action.payload.id] = { pending: null, problem: null };
    },
    trustToggled(state, action: PayloadAction<{ id: string; trusted: boolean }>) {
      state.changes[action.payload.id] = { pending: 'trust', problem: null };
      state.notice = null;
    },
    partnerTrustChanged(state, action: PayloadAction<{ id: string; trusted: boolean; partner: Partial<AdminPartnerDto> }>) {
      const { id, trusted, partner } = action.payload;
      const updated = patch(state, id, { trusted, ...partner });
      state.notice = `${updated?.name ?? 'The partner'} is ${updated?.trusted ? 'trusted: small edits skip review' : 'no longer trusted: every edit is reviewed'}.`;
    },
    trustChangeFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.changes[action.payload.id] = { pending: null, problem: action.payload.problem };
    },
    partnersNoticeDismissed(state) {
      state.notice = null;
    },
  },
  selectors: {
    selectPartnerList: (state) => state,
    selectPartnerChange: (state, id: string): PartnerChange | undefined => state.changes[id],
    selectPartnerDialog: (state) => state.dialog,
    selectPartnerDialogTarget: (state) => state.items.find((p) => p.id === state.dialog.partnerId) ?? null,
    selectPartnerPageCount: (state) => Math.max(1, Math.ceil(state.total / state.query.size)),
  },
});

export const {
  partnersViewed,
  partnersLoaded,
  partnersLoadFailed,
  partnerStatusDialogOpened,
  partnerStatusDialogClosed,
  partnerStatusConfirmed,
  partnerStatusChanged,
  partnerStatusChangeFailed,
  trustToggled,
  partnerTrustChanged,
  trustChangeFailed,
  partnersNoticeDismissed,
} = adminPartnersSlice.actions;

export const { selectPartnerList, selectPartnerChange, selectPartnerDialog, selectPartnerDialogTarget, selectPartnerPageCount } = adminPartnersSlice.selectors;
