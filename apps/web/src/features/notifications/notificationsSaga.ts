import type { NotificationDto, NotificationsPage, ReadAllNotificationsResult } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { put, select, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { notificationsApi } from './notificationsApi';
import {
  allRead,
  allReadClicked,
  notificationActionFailed,
  notificationRead,
  notificationReadClicked,
  notificationsLoaded,
  notificationsLoadFailed,
  notificationsPageOpened,
  selectNotificationsPage,
  selectUnreadOnly,
  unreadCountLoaded,
  unreadCountRequested,
} from './notificationsSlice';

function* loadPage(): SagaIterator {
  const page: number = yield select(selectNotificationsPage);
  const unreadOnly: boolean = yield select(selectUnreadOnly);
  try {
    const result: NotificationsPage = yield* callWithAuth(notificationsApi.list, page, unreadOnly);
    yield put(notificationsLoaded(result));
  } catch (err) {
    yield put(notificationsLoadFailed(toProblem(err)));
  }
}

function* loadUnreadCount(): SagaIterator {
  try {
    const unread: number = yield* callWithAuth(notificationsApi.unreadCount);
    yield put(unreadCountLoaded(unread));
  } catch {
    // The badge is a hint: without it My page still works, so a failure shows nothing.
  }
}

function* markRead(action: ReturnType<typeof notificationReadClicked>): SagaIterator {
  const { id } = action.payload;
  try {
    const read: NotificationDto = yield* callWithAuth(notificationsApi.markRead, id);
    yield put(notificationRead(read));
  } catch (err) {
    yield put(notificationActionFailed({ id, problem: toProblem(err) }));
  }
}

function* markAllRead(): SagaIterator {
  try {
    const result: ReadAllNotificationsResult = yield* callWithAuth(notificationsApi.markAllRead);
    yield put(allRead(result));
    yield* loadPage();
  } catch (err) {
    yield put(notificationActionFailed({ problem: toProblem(err) }));
  }
}

/** Watchers of the notices feature. */
export function* notificationsSaga(): SagaIterator {
  yield takeLatest(notificationsPageOpened.type, loadPage);
  yield takeLatest(unreadCountRequested.type, loadUnreadCount);
  // Marking read is idempotent on the server, so notices can be marked one after another without waiting.
  yield takeEvery(notificationReadClicked.type, markRead);
  yield takeLeading(allReadClicked.type, markAllRead);
}
