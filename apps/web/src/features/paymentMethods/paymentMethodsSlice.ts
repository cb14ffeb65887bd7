import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { PaymentMethodDto } from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import { registrationIdempotencyKey } from './registrationKey';

/** What the billing-auth window sent back: success (authKey) or failure (Toss's code and message). */
export interface BillingAuthSuccess {
  authKey: string;
  customerKey: string;
}
export interface BillingAuthFailure {
  code: string;
  message: string;
}

/** Toss's code when the user closes or cancels the window: not an error worth a red alert. */
export const WINDOW_CANCELLED = 'PAY_PROCESS_CANCELED';

export type RegistrationStatus = 'idle' | 'opening' | 'registering' | 'registered' | 'cancelled' | 'failed';

export interface PaymentMethodsState {
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  /** As the server lists them. */
  items: PaymentMethodDto[];
  registration: {
    status: RegistrationStatus;
    /** The server's refusal (422 CARD_REGISTRATION_FAILED carries Toss's message) or a setup failure. */
    problem: Problem | null;
    /** What the window's failUrl said. */
    windowError: BillingAuthFailure | null;
    /** The card just registered, to point it out in the list. */
    cardId: string | null;
    /** Which authKey this outcome belongs to (its idempotency key, not the authKey itself). */
    key: string | null;
  };
  busyId: string | null;
  actionProblem: Problem | null;
}

const idleRegistration: PaymentMethodsState['registration'] = { status: 'idle', problem: null, windowError: null, cardId: null, key: null };

export const initialPaymentMethodsState: PaymentMethodsState = {
  load: 'idle',
  loadProblem: null,
  items: [],
  registration: idleRegistration,
  busyId: null,
  actionProblem: null,
};

function withDefault(items: PaymentMethodDto[], id: string): PaymentMethodDto[] {
  return items.map((m) => ({ ...m, isDefault: m.id === id }));
}

/** My page → 결제 수단: saved cards, and registering one through the billing-auth window. */
export const paymentMethodsSlice = createSlice({
  name: 'paymentMethods',
  initialState: initialPaymentMethodsState,
  reducers: {
    /** `keepNotice`: arriving from the callback page, whose outcome the page should still show. */
    paymentMethodsPageOpened(state, action: PayloadAction<{ keepNotice: boolean } | undefined>) {
      state.load = 'loading';
      state.loadProblem = null;
      state.actionProblem = null;
      if (!action.payload?.keepNotice) state.registration = idleRegistration;
    },
    paymentMethodsLoaded(state, action: PayloadAction<PaymentMethodDto[]>) {
      state.load = 'loaded';
      state.items = action.payload;
    },
    paymentMethodsLoadFailed(state, action: PayloadAction<Problem>) {
      state.load = 'failed';
      state.loadProblem = action.payload;
    },
    /** "카드 등록": the saga asks for the setup and leaves the page for the window. */
    cardRegistrationClicked(state) {
      state.registration = { ...idleRegistration, status: 'opening' };
      state.actionProblem = null;
    },
    billingWindowFailed(state, action: PayloadAction<Problem>) {
      state.registration = { ...idleRegistration, status: 'failed', problem: action.payload };
    },
    /** A repeat of the authKey being (or already) registered changes nothing: the saga posts it once. */
    billingAuthReturned(state, action: PayloadAction<BillingAuthSuccess>) {
      const key = registrationIdempotencyKey(action.payload.authKey);
      if (state.registration.key === key) return;
      state.registration = { ...idleRegistration, status: 'registering', key };
    },
    billingAuthFailed(state, action: PayloadAction<BillingAuthFailure>) {
      const cancelled = action.payload.code === WINDOW_CANCELLED;
      state.registration = { ...idleRegistration, status: cancelled ? 'cancelled' : 'failed', windowError: cancelled ? null : action.payload };
    },
    cardRegistered(state, action: PayloadAction<PaymentMethodDto>) {
      const card = action.payload;
      const others = state.items.filter((m) => m.id !== card.id).map((m) => (card.isDefault ? { ...m, isDefault: false } : m));
      state.items = [...others, card];
      state.registration = { ...idleRegistration, status: 'registered', cardId: card.id, key: state.registration.key };
    },
    cardRegistrationFailed(state, action: PayloadAction<Problem>) {
      state.registration = { ...idleRegistration, status: 'failed', problem: action.payload, key: state.registration.key };
    },
    registrationNoticeDismissed(state) {
      state.registration = idleRegistration;
    },
    defaultCardChosen(state, action: PayloadAction<{ id: string }>) {
      state.busyId = action.payload.id;
      state.actionProblem = null;
    },
    defaultCardChanged(state, action: PayloadAction<PaymentMethodDto>) {
      state.busyId = null;
      state.items = withDefault(state.items, action.payload.id);
    },
    cardDeleteConfirmed(state, action: PayloadAction<{ id: string }>) {
      state.busyId = action.payload.id;
      state.actionProblem = null;
    },
    cardDeleted(state, action: PayloadAction<{ id: string }>) {
      state.busyId = null;
      state.items = state.items.filter((m) => m.id !== action.payload.id);
      if (state.registration.cardId === action.payload.id) state.registration = idleRegistration;
    },
    cardActionFailed(state, action: PayloadAction<Problem>) {
      state.busyId = null;
      state.actionProblem = action.payload;
    },
  },
  selectors: {
    selectCardsLoad: (state) => state.load,
    selectCardsLoadProblem: (state) => state.loadProblem,
    selectCards: (state) => state.items,
    selectRegistration: (state) => state.registration,
    selectCardBusyId: (state) => state.busyId,
    selectCardActionProblem: (state) => state.actionProblem,
  },
});

export const {
  paymentMethodsPageOpened,
  paymentMethodsLoaded,
  paymentMethodsLoadFailed,
  cardRegistrationClicked,
  billingWindowFailed,
  billingAuthReturned,
  billingAuthFailed,
  cardRegistered,
  cardRegistrationFailed,
  registrationNoticeDismissed,
  defaultCardChosen,
  defaultCardChanged,
  cardDeleteConfirmed,
  cardDeleted,
  cardActionFailed,
} = paymentMethodsSlice.actions;

export const { selectCardsLoad, selectCardsLoadProblem, selectCards, selectRegistration, selectCardBusyId, selectCardActionProblem } =
  paymentMethodsSlice.selectors;
