import { createSelector, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Problem } from '../../common/problem';
import type { BulkShipResultDto, FulfilmentQueueDto, PartnerOrderDto, ShipItemRequest } from '@roastery/contracts';
import type { OrderAction } from './studioOrdersApi';

type Load = 'idle' | 'loading' | 'loaded' | 'failed';

export interface RefundDialog {
  /** The partner order the dialog is open for; null when closed. */
  orderId: string | null;
  pending: boolean;
  problem: Problem | null;
  /** Set once the refund was accepted (202). */
  refundId: string | null;
  /** Reused when the outcome of a send is unknown, so a retry cannot refund twice. */
  retryKey: string | null;
}

export interface StudioOrdersState {
  load: Load;
  problem: Problem | null;
  queue: FulfilmentQueueDto | null;
  /** Shipped orders waiting to be marked delivered. */
  shipped: PartnerOrderDto[];
  /** Return requests waiting for the item to come back. */
  returns: PartnerOrderDto[];
  /** Queue orders ticked for the bulk ship. */
  selected: string[];
  bulk: { pending: boolean; problem: Problem | null; result: BulkShipResultDto | null; retryKey: string | null };
  /** Per order: a prepare/deliver/returned in flight or refused. */
  actions: Record<string, { pending: OrderAction | null; problem: Problem | null }>;
  refund: RefundDialog;
}

export const initialStudioOrdersState: StudioOrdersState = {
  load: 'idle',
  problem: null,
  queue: null,
  shipped: [],
  returns: [],
  selected: [],
  bulk: { pending: false, problem: null, result: null, retryKey: null },
  actions: {},
  refund: { orderId: null, pending: false, problem: null, refundId: null, retryKey: null },
};

/** Every order the page shows, wherever it is listed. */
const allOrders = (s: StudioOrdersState): PartnerOrderDto[] => [...(s.queue?.days.flatMap((d) => d.orders) ?? []), ...s.shipped, ...s.returns];

/** The partner console's orders page (/studio/orders): queue, bulk ship, delivered, returns, refunds. */
export const studioOrdersSlice = createSlice({
  name: 'studioOrders',
  initialState: initialStudioOrdersState,
  reducers: {
    /** The page opened or asked to reload. */
    studioOrdersViewed(state) {
      state.load = 'loading';
      state.problem = null;
    },
    studioOrdersLoaded(state, action: PayloadAction<{ queue: FulfilmentQueueDto; shipped: PartnerOrderDto[]; returns: PartnerOrderDto[] }>) {
      state.load = 'loaded';
      Object.assign(state, action.payload);
      // Keep only ticks of orders still waiting to ship.
      const waiting = new Set(action.payload.queue.days.flatMap((d) => d.orders.map((o) => o.id)));
      state.selected = state.selected.filter((id) => waiting.has(id));
    },
    studioOrdersLoadFailed(state, action: PayloadAction<Problem>) {
      state.load = 'failed';
      state.problem = action.payload;
    },
    orderSelectionToggled(state, action: PayloadAction<{ id: string }>) {
      const { id } = action.payload;
      state.selected = state.selected.includes(id) ? state.selected.filter((x) => x !== id) : [...state.selected, id];
    },
    /** Ticks every order of one ship-by day, or unticks them all when all were ticked. */
    shipDaySelectionToggled(state, action: PayloadAction<{ ids: string[] }>) {
      const { ids } = action.payload;
      const all = ids.every((id) => state.selected.includes(id));
      state.selected = all ? state.selected.filter((id) => !ids.includes(id)) : [...state.selected, ...ids.filter((id) => !state.selected.includes(id))];
    },
    bulkShipSubmitted(state, _action: PayloadAction<{ items: ShipItemRequest[]; idempotencyKey: string }>) {
      state.bulk = { pending: true, problem: null, result: null, retryKey: null };
    },
    bulkShipAnswered(state, action: PayloadAction<BulkShipResultDto>) {
      state.bulk = { pending: false, problem: null, result: action.payload, retryKey: null };
      const shipped = new Set(action.payload.results.flatMap((r) => (r.outcome === 'SHIPPED' ? [r.order.id] : [])));
      state.selected = state.selected.filter((id) => !shipped.has(id));
    },
    bulkShipFailed(state, action: PayloadAction<{ problem: Problem; idempotencyKey: string }>) {
      // Without an answer (network), the same key is reused so the retry cannot ship twice.
      state.bulk = { pending: false, problem: action.payload.problem, result: null, retryKey: action.payload.problem.status === 0 ? action.payload.idempotencyKey : null };
    },
    bulkShipResultDismissed(state) {
      state.bulk.result = null;
      state.bulk.problem = null;
    },
    orderActionClicked(state, action: PayloadAction<{ id: string; action: OrderAction }>) {
      state.actions[action.payload.id] = { pending: action.payload.action, problem: null };
    },
    orderActionSucceeded(state, action: PayloadAction<PartnerOrderDto>) {
      delete state.actions[action.payload.id];
      for (const o of allOrders(state)) if (o.id === action.payload.id) Object.assign(o, action.payload);
    },
    orderActionFailed(state, action: PayloadAction<{ id: string; problem: Problem }>) {
      state.actions[action.payload.id] = { pending: null, problem: action.payload.problem };
    },
    refundDialogOpened(state, action: PayloadAction<{ orderId: string }>) {
      state.refund = { ...initialStudioOrdersState.refund, orderId: action.payload.orderId };
    },
    refundDialogClosed(state) {
      state.refund = initialStudioOrdersState.refund;
    },
    refundSubmitted(state, _action: PayloadAction<{ orderId: string; amount: number; reason: string; idempotencyKey: string }>) {
      state.refund.pending = true;
      state.refund.problem = null;
    },
    refundAccepted(state, action: PayloadAction<{ orderId: string; refundId: string }>) {
      if (state.refund.orderId !== action.payload.orderId) return;
      state.refund = { ...state.refund, pending: false, problem: null, refundId: action.payload.refundId, retryKey: null };
    },
    refundFailed(state, action: PayloadAction<{ problem: Problem; idempotencyKey: string }>) {
      state.refund.pending = false;
      state.refund.problem = action.payload.problem;
      state.refund.retryKey = action.payload.problem.status === 0 ? action.payload.idempotencyKey : null;
    },
  },
  selectors: {
    selectStudioOrders: (state) => state,
    selectSelectedOrderIds: (state) => state.selected,
    selectOrderAction: (state, id: string) => state.actions[id],
    selectRefundDialog: (state) => state.refund,
    /** The order the refund dialog is open for, wherever it is listed. */
    selectRefundOrder: (state) => (state.refund.orderId ? (allOrders(state).find((o) => o.id === state.refund.orderId) ?? null) : null),
  },
});

export const {
  studioOrdersViewed,
  studioOrdersLoaded,
  studioOrdersLoadFailed,
  orderSelectionToggled,
  shipDaySelectionToggled,
  bulkShipSubmitted,
  bulkShipAnswered,
  bulkShipFailed,
  bulkShipResultDismissed,
  orderActionClicked,
  orderActionSucceeded,
  orderActionFailed,
  refundDialogOpened,
  refundDialogClosed,
  refundSubmitted,
  refundAccepted,
  refundFailed,
} = studioOrdersSlice.actions;

export const { selectStudioOrders, selectSelectedOrderIds, selectOrderAction, selectRefundDialog, selectRefundOrder } = studioOrdersSlice.selectors;

/** The ticked queue orders, in the order they were ticked (for the bulk ship panel). */
export const selectSelectedOrders = createSelector([selectStudioOrders], (state): PartnerOrderDto[] => {
  const byId = new Map((state.queue?.days.flatMap((d) => d.orders) ?? []).map((o) => [o.id, o]));
  return state.selected.flatMap((id) => byId.get(id) ?? []);
});
