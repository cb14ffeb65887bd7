import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { NotificationDto, NotificationsPage, ReadAllNotificationsResult } from '@roastery/contracts';
import type { Problem } from '../../common/problem';

export interface NotificationsState {
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  /** The current page, newest first, as the server sent it. */
  items: NotificationDto[];
  page: number;
  size: number;
  total: number;
  unreadOnly: boolean;
  /** The account's unread notices (the My page badge); null until known. */
  unread: number | null;
  /** Notices a mark-read request is running for. */
  readingIds: string[];
  readingAll: boolean;
  actionProblem: Problem | null;
}

export const initialNotificationsState: NotificationsState = {
  load: 'idle',
  loadProblem: null,
  items: [],
  page: 1,
  size: 20,
  total: 0,
  unreadOnly: false,
  unread: null,
  readingIds: [],
  readingAll: false,
  actionProblem: null,
};

/** My page → 알림: the signed-in subscriber's notices and the unread badge. */
export const notificationsSlice = createSlice({
  name: 'notifications',
  initialState: initialNotificationsState,
  reducers: {
    /** The page opened, or the reader moved to another page or filter. */
    notificationsPageOpened(state, action: PayloadAction<{ page?: number; unreadOnly?: boolean } | undefined>) {
      state.load = 'loading';
      state.loadProblem = null;
      state.actionProblem = null;
      state.page = action.payload?.page ?? 1;
      if (action.payload?.unreadOnly !== undefined) state.unreadOnly = action.payload.unreadOnly;
    },
    notificationsLoaded(state, action: PayloadAction<NotificationsPage>) {
      const { items, page, size, total, unread } = action.payload;
      Object.assign(state, { load: 'loaded', items, page, size, total, unread });
    },
    notificationsLoadFailed(state, action: PayloadAction<Problem>) {
      state.load = 'failed';
      state.loadProblem = action.payload;
    },
    /** My page shows the badge: only the count is needed. */
    unreadCountRequested() {
      // Nothing changes until the count arrives: the badge keeps the last one meanwhile.
    },
    unreadCountLoaded(state, action: PayloadAction<number>) {
      state.unread = action.payload;
    },
    notificationReadClicked(state, action: PayloadAction<{ id: string }>) {
      if (!state.readingIds.includes(action.payload.id)) state.readingIds.push(action.payload.id);
      state.actionProblem = null;
    },
    /** Marked read on the server; it stays in an unread-only list until the next load, so nothing jumps. */
    notificationRead(state, action: PayloadAction<NotificationDto>) {
      const read = action.payload;
      state.readingIds = state.readingIds.filter((id) => id !== read.id);
      const i = state.items.findIndex((n) => n.id === read.id);
      const wasUnread = i >= 0 ? state.items[i].readAt === null : false;
      if (i >= 0) state.items[i] = read;
      if (wasUnread && state.unread !== null) state.unread = Math.max(0, state.unread - 1);
    },
    allReadClicked(state) {
      state.readingAll = true;
      state.actionProblem = null;
    },
    /** The list is reloaded after this to show the server's read times. */
    allRead(state, action: PayloadAction<ReadAllNotificationsResult>) {
      state.readingAll = false;
      state.unread = action.payload.unread;
    },
    notificationActionFailed(state, action: PayloadAction<{ id?: string; problem: Problem }>) {
      const { id, problem } = action.payload;
      if (id) state.readingIds = state.readingIds.filter((x) => x !== id);
      else state.readingAll = false;
      state.actionProblem = problem;
    },
  },
  selectors: {
    selectNotificationsLoad: (state) => state.load,
    selectNotificationsLoadProblem: (state) => state.loadProblem,
    selectNotifications: (state) => state.items,
    selectNotificationsPage: (state) => state.page,
    selectNotificationsPageCount: (state) => Math.max(1, Math.ceil(state.total / state.size)),
    selectUnreadOnly: (state) => state.unreadOnly,
    selectUnreadCount: (state) => state.unread,
    selectReadingIds: (state) => state.readingIds,
    selectReadingAll: (state) => state.readingAll,
    selectNotificationActionProblem: (state) => state.actionProblem,
  },
});

export const {
  notificationsPageOpened,
  notificationsLoaded,
  notificationsLoadFailed,
  unreadCountRequested,
  unreadCountLoaded,
  notificationReadClicked,
  notificationRead,
  allReadClicked,
  allRead,
  notificationActionFailed,
} = notificationsSlice.actions;

export const {
  selectNotificationsLoad,
  selectNotificationsLoadProblem,
  selectNotifications,
  selectNotificationsPage,
  selectNotificationsPageCount,
  selectUnreadOnly,
  selectUnreadCount,
  selectReadingIds,
  selectReadingAll,
  selectNotificationActionProblem,
} = notificationsSlice.selectors;
