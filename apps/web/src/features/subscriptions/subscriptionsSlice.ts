import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type {
  CatalogItemDetailDto,
  CreatedSubscriptionDto,
  CreateSubscriptionRequest,
  OrderSummaryDto,
  Page,
  SubscriptionDto,
  SubscriptionTermsDto,
  UpdateSubscriptionRequest,
} from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import { FINAL_ORDER_STATUSES } from '../orders/orderLabels';

type Load = 'idle' | 'loading' | 'loaded' | 'failed';

/** What a subscriber changes with PATCH; the saga adds the version it last read. */
export type SubscriptionChanges = Omit<UpdateSubscriptionRequest, 'version'>;

/** Every operation of My page → 정기배송, as the page asks for it. */
export type SubscriptionOperation =
  | { kind: 'skip' }
  | { kind: 'pause'; until?: string }
  | { kind: 'resume'; date?: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'reactivate' }
  | { kind: 'acceptPrice' }
  | { kind: 'update'; changes: SubscriptionChanges };

export type OperationKind = SubscriptionOperation['kind'];

export interface SubscribeState {
  itemId: string | null;
  /** `following`: created, the first box is still being reserved or charged. */
  phase: 'idle' | 'submitting' | 'following' | 'done' | 'failed';
  result: CreatedSubscriptionDto | null;
  problem: Problem | null;
  /**
   * The key and body of an attempt whose outcome is unknown (network error, 5xx, still running):
   * submitting the same form again sends the same key, so a subscription that was created is
   * returned instead of a second one being charged. A changed form gets a new key.
   */
  retry: { key: string; body: string } | null;
}

export interface SubscriptionDetailState {
  id: string | null;
  load: Load;
  problem: Problem | null;
  subscription: SubscriptionDto | null;
  /** The latest boxes of this subscription, newest first. */
  boxes: OrderSummaryDto[];
  /** The options of the subscribed item, for swapping (empty when the item is off sale). */
  itemOptions: CatalogItemDetailDto['options'];
  busy: OperationKind | null;
  actionProblem: Problem | null;
  /** What the last operation did, in words. */
  notice: string | null;
}

export interface SubscriptionsState {
  /** The terms in force, once read from the server (null until then: the page shows its estimate). */
  terms: SubscriptionTermsDto | null;
  subscribe: SubscribeState;
  list: { load: Load; problem: Problem | null; items: SubscriptionDto[]; page: number; size: number; total: number };
  detail: SubscriptionDetailState;
}

const idleSubscribe: SubscribeState = { itemId: null, phase: 'idle', result: null, problem: null, retry: null };
const emptyDetail: SubscriptionDetailState = { id: null, load: 'idle', problem: null, subscription: null, boxes: [], itemOptions: [], busy: null, actionProblem: null, notice: null };

export const initialSubscriptionsState: SubscriptionsState = {
  terms: null,
  subscribe: idleSubscribe,
  list: { load: 'idle', problem: null, items: [], page: 1, size: 10, total: 0 },
  detail: emptyDetail,
};

/** A failure after which the request may or may not have taken effect on the server. */
export const outcomeUnknown = (p: Problem) => p.status === 0 || p.status >= 500 || p.code === 'IDEMPOTENCY_IN_PROGRESS';

/** The request body as the retry compares it. */
export const bodySignature = (body: CreateSubscriptionRequest) => JSON.stringify(body, Object.keys(body).sort());

/** The Idempotency-Key for submitting `body`: the unknown attempt's key when it is the same form, else a fresh one. */
export function subscribeKeyFor(retry: SubscribeState['retry'], body: CreateSubscriptionRequest, fresh: () => string): string {
  return retry && retry.body === bodySignature(body) ? retry.key : fresh();
}

const isFinalBox = (o: OrderSummaryDto) => FINAL_ORDER_STATUSES.includes(o.status) || o.status === 'RETRY_SCHEDULED' || o.status === 'AWAITING_CARD';

const NOTICES: Record<OperationKind, (s: SubscriptionDto) => string> = {
  skip: (s) => `다음 상자를 건너뛰었습니다. 다음 결제일은 ${s.nextBillingDate ?? '-'}입니다.`,
  pause: (s) => (s.pausedUntil ? `${s.pausedUntil}까지 일시정지했습니다.` : '일시정지했습니다. 언제든 다시 시작할 수 있습니다.'),
  resume: (s) => `다시 시작했습니다. 다음 결제일은 ${s.nextBillingDate ?? '-'}입니다.`,
  cancel: () => '정기배송을 해지했습니다.',
  reactivate: (s) => `다시 구독합니다. 다음 결제일은 ${s.nextBillingDate ?? '-'}입니다.`,
  update: () => '변경했습니다. 다음 상자부터 적용됩니다.',
  acceptPrice: (s) => (s.status === 'ACTIVE' && s.pendingPriceChange === null ? '새 가격에 동의했습니다. 정기배송이 이어집니다.' : '새 가격에 동의했습니다. 적용일부터 새 가격으로 결제됩니다.'),
};

/** The item page's 정기배송 신청 panel and My page → 정기배송 (list and one subscription with its operations). */
export const subscriptionsSlice = createSlice({
  name: 'subscriptions',
  initialState: initialSubscriptionsState,
  reducers: {
    /** The panel is shown for an item; another item starts from a clean form. */
    subscribePanelOpened(state, action: PayloadAction<{ itemId: string }>) {
      if (state.subscribe.itemId !== action.payload.itemId) state.subscribe = { ...idleSubscribe, itemId: action.payload.itemId };
    },
    termsLoaded(state, action: PayloadAction<SubscriptionTermsDto>) {
      state.terms = action.payload;
    },
    subscribeSubmitted(state, _action: PayloadAction<{ body: CreateSubscriptionRequest; idempotencyKey: string }>) {
      state.subscribe.phase = 'submitting';
      state.subscribe.problem = null;
    },
    subscribed(state, action: PayloadAction<CreatedSubscriptionDto>) {
      state.subscribe = { ...state.subscribe, phase: isFinalBox(action.payload.firstOrder) ? 'done' : 'following', result: action.payload, problem: null, retry: null };
    },
    /** The first box moved on (reserved, charged, refused) after the 201. */
    firstBoxUpdated(state, action: PayloadAction<OrderSummaryDto>) {
      const result = state.subscribe.result;
      if (!result || result.firstOrder.id !== action.payload.id) return;
      result.firstOrder = action.payload;
      if (isFinalBox(action.payload)) state.subscribe.phase = 'done';
    },
    /** Following the first box stopped without a final status: the subscription page tells the rest. */
    firstBoxFollowEnded(state) {
      if (state.subscribe.phase === 'following') state.subscribe.phase = 'done';
    },
    subscribeFailed(state, action: PayloadAction<{ problem: Problem; idempotencyKey: string; body: CreateSubscriptionRequest }>) {
      const { problem, idempotencyKey, body } = action.payload;
      state.subscribe.phase = 'failed';
      state.subscribe.problem = problem;
      state.subscribe.retry = outcomeUnknown(problem) ? { key: idempotencyKey, body: bodySignature(body) } : null;
    },
    /** "다른 옵션으로 신청": back to the form. */
    subscribeResultDismissed(state) {
      state.subscribe = { ...idleSubscribe, itemId: state.subscribe.itemId };
    },

    subscriptionsPageOpened(state, action: PayloadAction<{ page?: number } | undefined>) {
      state.list.load = 'loading';
      state.list.problem = null;
      state.list.page = action.payload?.page ?? 1;
    },
    subscriptionsLoaded(state, action: PayloadAction<Page<SubscriptionDto>>) {
      const { items, page, size, total } = action.payload;
      state.list = { ...state.list, load: 'loaded', items, page, size, total };
    },
    subscriptionsLoadFailed(state, action: PayloadAction<Problem>) {
      state.list.load = 'failed';
      state.list.problem = action.payload;
    },

    subscriptionPageOpened(state, action: PayloadAction<{ id: string }>) {
      const { id } = action.payload;
      state.detail = id === state.detail.id ? { ...state.detail, load: 'loading', problem: null, actionProblem: null, notice: null, busy: null } : { ...emptyDetail, id, load: 'loading' };
    },
    /** Reload after an operation, or on a conflict, keeping what the page says. */
    subscriptionRefreshRequested(_state, _action: PayloadAction<{ id: string }>) {
      // The saga reloads; the page keeps showing the last data meanwhile.
    },
    subscriptionLoaded(state, action: PayloadAction<{ subscription: SubscriptionDto; boxes: OrderSummaryDto[] }>) {
      if (action.payload.subscription.id !== state.detail.id) return;
      state.detail.load = 'loaded';
      state.detail.subscription = action.payload.subscription;
      state.detail.boxes = action.payload.boxes;
    },
    subscriptionLoadFailed(state, action: PayloadAction<Problem>) {
      state.detail.load = 'failed';
      state.detail.problem = action.payload;
    },
    itemOptionsLoaded(state, action: PayloadAction<{ itemId: string; options: CatalogItemDetailDto['options'] }>) {
      if (state.detail.subscription?.catalogItemId === action.payload.itemId) state.detail.itemOptions = action.payload.options;
    },
    /** The page closed: following a box being charged stops. */
    subscriptionPageLeft() {
      // Nothing to change: the saga stops following the open box.
    },
    subscriptionOperationRequested(state, action: PayloadAction<{ id: string; op: SubscriptionOperation }>) {
      state.detail.busy = action.payload.op.kind;
      state.detail.actionProblem = null;
      state.detail.notice = null;
    },
    subscriptionOperationSucceeded(state, action: PayloadAction<{ kind: OperationKind; subscription: SubscriptionDto }>) {
      const { kind, subscription } = action.payload;
      state.detail.busy = null;
      if (subscription.id !== state.detail.id) return;
      state.detail.subscription = subscription;
      state.detail.notice = NOTICES[kind](subscription);
      const i = state.list.items.findIndex((s) => s.id === subscription.id);
      if (i >= 0) state.list.items[i] = subscription;
    },
    subscriptionOperationFailed(state, action: PayloadAction<{ kind: OperationKind; problem: Problem }>) {
      state.detail.busy = null;
      state.detail.actionProblem = action.payload.problem;
    },
    subscriptionNoticeDismissed(state) {
      state.detail.notice = null;
    },
  },
  selectors: {
    selectTerms: (s) => s.terms,
    selectSubscribe: (state) => state.subscribe,
    selectSubscriptionList: (state) => state.list,
    selectSubscriptionPageCount: (state) => Math.max(1, Math.ceil(state.list.total / state.list.size)),
    selectSubscriptionDetail: (state) => state.detail,
    selectSubscriptionVersion: (state) => state.detail.subscription?.version,
  },
});

export const {
  termsLoaded,
  subscribePanelOpened,
  subscribeSubmitted,
  subscribed,
  firstBoxUpdated,
  firstBoxFollowEnded,
  subscribeFailed,
  subscribeResultDismissed,
  subscriptionsPageOpened,
  subscriptionsLoaded,
  subscriptionsLoadFailed,
  subscriptionPageOpened,
  subscriptionRefreshRequested,
  subscriptionLoaded,
  subscriptionLoadFailed,
  itemOptionsLoaded,
  subscriptionPageLeft,
  subscriptionOperationRequested,
  subscriptionOperationSucceeded,
  subscriptionOperationFailed,
  subscriptionNoticeDismissed,
} = subscriptionsSlice.actions;

export const { selectTerms, selectSubscribe, selectSubscriptionList, selectSubscriptionPageCount, selectSubscriptionDetail, selectSubscriptionVersion } = subscriptionsSlice.selectors;
