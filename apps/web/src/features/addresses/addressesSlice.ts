import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { type AddressDto, type CreateAddressBody, MAX_ADDRESSES_PER_ACCOUNT } from '@roastery/contracts';
import type { Problem } from '../../common/problem';

export interface AddressesState {
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  /** As the server lists them: default first, then newest. */
  items: AddressDto[];
  add: { submitting: boolean; problem: Problem | null; /** Bumped on success so the form resets. */ revision: number };
  /** The address a default change or deletion is running for. */
  busyId: string | null;
  actionProblem: Problem | null;
}

export const initialAddressesState: AddressesState = {
  load: 'idle',
  loadProblem: null,
  items: [],
  add: { submitting: false, problem: null, revision: 0 },
  busyId: null,
  actionProblem: null,
};

/** Keeps the server's order: default first, then newest. */
function sorted(items: AddressDto[]): AddressDto[] {
  return [...items].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

function markDefault(items: AddressDto[], id: string): AddressDto[] {
  return sorted(items.map((a) => ({ ...a, isDefault: a.id === id })));
}

/** My page → 배송지: the signed-in subscriber's shipping addresses. */
export const addressesSlice = createSlice({
  name: 'addresses',
  initialState: initialAddressesState,
  reducers: {
    addressesPageOpened(state) {
      state.load = 'loading';
      state.loadProblem = null;
      state.actionProblem = null;
      state.add.problem = null;
    },
    addressesLoaded(state, action: PayloadAction<AddressDto[]>) {
      state.load = 'loaded';
      state.items = sorted(action.payload);
    },
    addressesLoadFailed(state, action: PayloadAction<Problem>) {
      state.load = 'failed';
      state.loadProblem = action.payload;
    },
    addressFormSubmitted(state, _action: PayloadAction<{ body: CreateAddressBody; idempotencyKey: string }>) {
      state.add.submitting = true;
      state.add.problem = null;
    },
    addressAdded(state, action: PayloadAction<AddressDto>) {
      const added = action.payload;
      const others = state.items.filter((a) => a.id !== added.id).map((a) => (added.isDefault ? { ...a, isDefault: false } : a));
      state.items = sorted([...others, added]);
      state.add = { submitting: false, problem: null, revision: state.add.revision + 1 };
    },
    addressAddFailed(state, action: PayloadAction<Problem>) {
      state.add.submitting = false;
      state.add.problem = action.payload;
    },
    defaultAddressChosen(state, action: PayloadAction<{ id: string }>) {
      state.busyId = action.payload.id;
      state.actionProblem = null;
    },
    defaultAddressChanged(state, action: PayloadAction<AddressDto>) {
      state.busyId = null;
      state.items = markDefault(state.items, action.payload.id);
    },
    addressDeleteConfirmed(state, action: PayloadAction<{ id: string }>) {
      state.busyId = action.payload.id;
      state.actionProblem = null;
    },
    /** The server may have promoted another address to default; the list is reloaded after this. */
    addressDeleted(state, action: PayloadAction<{ id: string }>) {
      state.busyId = null;
      state.items = state.items.filter((a) => a.id !== action.payload.id);
    },
    addressActionFailed(state, action: PayloadAction<Problem>) {
      state.busyId = null;
      state.actionProblem = action.payload;
    },
  },
  selectors: {
    selectAddressesLoad: (state) => state.load,
    selectAddressesLoadProblem: (state) => state.loadProblem,
    selectAddresses: (state) => state.items,
    selectAddAddress: (state) => state.add,
    selectAddressBusyId: (state) => state.busyId,
    selectAddressActionProblem: (state) => state.actionProblem,
    /** The server refuses an eleventh address; the page hides the form instead. */
    selectCanAddAddress: (state) => state.load === 'loaded' && state.items.length < MAX_ADDRESSES_PER_ACCOUNT,
  },
});

export const {
  addressesPageOpened,
  addressesLoaded,
  addressesLoadFailed,
  addressFormSubmitted,
  addressAdded,
  addressAddFailed,
  defaultAddressChosen,
  defaultAddressChanged,
  addressDeleteConfirmed,
  addressDeleted,
  addressActionFailed,
} = addressesSlice.actions;

export const {
  selectAddressesLoad,
  selectAddressesLoadProblem,
  selectAddresses,
  selectAddAddress,
  selectAddressBusyId,
  selectAddressActionProblem,
  selectCanAddAddress,
} = addressesSlice.selectors;
