import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Problem } from '../../common/problem';

/** The three things a subscriber can do with a paid order. */
export type OrderActionKind = 'cancel' | 'return' | 'confirm';

export interface OrderActionsState {
  /** The action in flight, and for which order. */
  pending: { orderId: string; kind: OrderActionKind } | null;
  /** The last action that went through (202 accepted, or confirmed). */
  done: { orderId: string; kind: OrderActionKind } | null;
  problem: Problem | null;
}

export const initialOrderActionsState: OrderActionsState = { pending: null, done: null, problem: null };

/** My page → order detail: cancel (with reason), return request, purchase confirmation (issue 6). */
export const orderActionsSlice = createSlice({
  name: 'orderActions',
  initialState: initialOrderActionsState,
  reducers: {
    cancelSubmitted(state, action: PayloadAction<{ orderId: string; reason: string }>) {
      state.pending = { orderId: action.payload.orderId, kind: 'cancel' };
      state.problem = null;
      state.done = null;
    },
    returnSubmitted(state, action: PayloadAction<{ orderId: string; reason: string }>) {
      state.pending = { orderId: action.payload.orderId, kind: 'return' };
      state.problem = null;
      state.done = null;
    },
    confirmSubmitted(state, action: PayloadAction<{ orderId: string }>) {
      state.pending = { orderId: action.payload.orderId, kind: 'confirm' };
      state.problem = null;
      state.done = null;
    },
    orderActionSucceeded(state, action: PayloadAction<{ orderId: string; kind: OrderActionKind }>) {
      state.pending = null;
      state.done = action.payload;
    },
    orderActionFailed(state, action: PayloadAction<Problem>) {
      state.pending = null;
      state.problem = action.payload;
    },
    orderActionDismissed(state) {
      state.problem = null;
      state.done = null;
    },
  },
  selectors: {
    selectOrderActions: (s) => s,
  },
});

export const { cancelSubmitted, returnSubmitted, confirmSubmitted, orderActionSucceeded, orderActionFailed, orderActionDismissed } = orderActionsSlice.actions;
export const { selectOrderActions } = orderActionsSlice.selectors;
