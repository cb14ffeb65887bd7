import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { OrderDto, OrderSummaryDto, Page } from '@roastery/contracts';
import type { Problem } from '../../common/problem';

type Load = 'idle' | 'loading' | 'loaded' | 'failed';

export interface OrdersState {
  list: { load: Load; problem: Problem | null; items: OrderSummaryDto[]; page: number; size: number; total: number };
  detail: { id: string | null; load: Load; problem: Problem | null; order: OrderDto | null };
}

export const initialOrdersState: OrdersState = {
  list: { load: 'idle', problem: null, items: [], page: 1, size: 20, total: 0 },
  detail: { id: null, load: 'idle', problem: null, order: null },
};

/** My page → 주문 내역: the subscriber's orders (boxes) with their payment status and attempts. */
export const ordersSlice = createSlice({
  name: 'orders',
  initialState: initialOrdersState,
  reducers: {
    ordersPageOpened(state, action: PayloadAction<{ page?: number } | undefined>) {
      state.list.load = 'loading';
      state.list.problem = null;
      state.list.page = action.payload?.page ?? 1;
    },
    ordersLoaded(state, action: PayloadAction<Page<OrderSummaryDto>>) {
      const { items, page, size, total } = action.payload;
      state.list = { ...state.list, load: 'loaded', items, page, size, total };
    },
    ordersLoadFailed(state, action: PayloadAction<Problem>) {
      state.list.load = 'failed';
      state.list.problem = action.payload;
    },
    orderPageOpened(state, action: PayloadAction<{ id: string }>) {
      const { id } = action.payload;
      state.detail = { id, load: 'loading', problem: null, order: state.detail.order?.id === id ? state.detail.order : null };
    },
    orderLoaded(state, action: PayloadAction<OrderDto>) {
      if (action.payload.id !== state.detail.id) return;
      state.detail.load = 'loaded';
      state.detail.order = action.payload;
    },
    orderLoadFailed(state, action: PayloadAction<Problem>) {
      state.detail.load = 'failed';
      state.detail.problem = action.payload;
    },
  },
  selectors: {
    selectOrderList: (state) => state.list,
    selectOrderPageCount: (state) => Math.max(1, Math.ceil(state.list.total / state.list.size)),
    selectOrderDetail: (state) => state.detail,
  },
});

export const { ordersPageOpened, ordersLoaded, ordersLoadFailed, orderPageOpened, orderLoaded, orderLoadFailed } = ordersSlice.actions;
export const { selectOrderList, selectOrderPageCount, selectOrderDetail } = ordersSlice.selectors;
