import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { MyApplicationsDto, PartnerApplicationDto } from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import type { PartnerApplicationBody } from './partnerApplicationApi';

/** After an approval, the PARTNER role reaches the account a moment later (via the message bus). */
export type RoleSync = 'idle' | 'syncing' | 'granted' | 'pending';

export interface PartnerApplicationState {
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  current: PartnerApplicationDto | null;
  history: PartnerApplicationDto[];
  submit: { submitting: boolean; problem: Problem | null };
  roleSync: RoleSync;
}

export const initialPartnerApplicationState: PartnerApplicationState = {
  load: 'idle',
  loadProblem: null,
  current: null,
  history: [],
  submit: { submitting: false, problem: null },
  roleSync: 'idle',
};

/** The signed-in user's own partner application ("Sell on Roastery"). */
export const partnerApplicationSlice = createSlice({
  name: 'partnerApplication',
  initialState: initialPartnerApplicationState,
  reducers: {
    partnerPageOpened(state) {
      state.load = 'loading';
      state.loadProblem = null;
      state.submit = { submitting: false, problem: null };
    },
    statusCheckClicked(state) {
      state.load = 'loading';
      state.loadProblem = null;
    },
    myApplicationsLoaded(state, action: PayloadAction<MyApplicationsDto>) {
      state.load = 'loaded';
      state.current = action.payload.current;
      state.history = action.payload.history;
    },
    myApplicationsLoadFailed(state, action: PayloadAction<Problem>) {
      state.load = 'failed';
      state.loadProblem = action.payload;
    },
    applyFormSubmitted(state, _action: PayloadAction<{ body: PartnerApplicationBody; idempotencyKey: string }>) {
      state.submit = { submitting: true, problem: null };
    },
    applicationSubmitted(state, action: PayloadAction<PartnerApplicationDto>) {
      state.submit = { submitting: false, problem: null };
      if (state.current && state.current.id !== action.payload.id) state.history.unshift(state.current);
      state.current = action.payload;
    },
    applicationSubmitFailed(state, action: PayloadAction<Problem>) {
      state.submit = { submitting: false, problem: action.payload };
    },
    partnerRoleRefreshClicked() {
      // Handled by the saga; the sync status follows from partnerRoleSyncStarted.
    },
    partnerRoleSyncStarted(state) {
      state.roleSync = 'syncing';
    },
    partnerRoleSyncFinished(state, action: PayloadAction<{ granted: boolean }>) {
      state.roleSync = action.payload.granted ? 'granted' : 'pending';
    },
  },
  selectors: {
    selectLoad: (state) => state.load,
    selectLoadProblem: (state) => state.loadProblem,
    selectCurrentApplication: (state) => state.current,
    selectApplicationHistory: (state) => state.history,
    selectSubmit: (state) => state.submit,
    selectRoleSync: (state) => state.roleSync,
    /** An applicant may apply when nothing is open: no application yet, or the last was rejected. */
    selectCanApply: (state) => state.load === 'loaded' && (state.current === null || state.current.status === 'REJECTED'),
  },
});

export const {
  partnerPageOpened,
  statusCheckClicked,
  myApplicationsLoaded,
  myApplicationsLoadFailed,
  applyFormSubmitted,
  applicationSubmitted,
  applicationSubmitFailed,
  partnerRoleRefreshClicked,
  partnerRoleSyncStarted,
  partnerRoleSyncFinished,
} = partnerApplicationSlice.actions;

export const {
  selectLoad,
  selectLoadProblem,
  selectCurrentApplication,
  selectApplicationHistory,
  selectSubmit,
  selectRoleSync,
  selectCanApply,
} = partnerApplicationSlice.selectors;
