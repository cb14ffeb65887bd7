import { configureStore } from '@reduxjs/toolkit';
import type { NotificationDto } from '@roastery/contracts';
import createSagaMiddleware from 'redux-saga';
import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { signedIn } from '../../test/test-utils';
import { aFailedPaymentNotice, aNotice, aNoticesPage } from './notificationFixtures';
import { notificationsApi } from './notificationsApi';
import { notificationsSaga } from './notificationsSaga';
import {
  allRead,
  allReadClicked,
  notificationActionFailed,
  notificationRead,
  notificationReadClicked,
  notificationsLoaded,
  notificationsLoadFailed,
  notificationsPageOpened,
  unreadCountLoaded,
  unreadCountRequested,
} from './notificationsSlice';

const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });
const first = aNotice();
const second = aFailedPaymentNotice();
const withList = (items: NotificationDto[], unread = items.filter((n) => n.readAt === null).length) => ({
  ...initial(),
  notifications: { ...initial().notifications, load: 'loaded' as const, items, total: items.length, unread },
});
const readAt = '2026-11-21T10:00:00.000Z';

describe('notificationsSaga', () => {
  it('loads the first page when the page opens', () =>
    expectSaga(notificationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(notificationsApi.list), aNoticesPage([first, second])]])
      .call(notificationsApi.list, 'access-token', 1, false)
      .put(notificationsLoaded(aNoticesPage([first, second])))
      .dispatch(notificationsPageOpened())
      .silentRun(50));

  it('asks for the page and the filter the reader chose', async () => {
    const { storeState } = await expectSaga(notificationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(notificationsApi.list), aNoticesPage([second], { page: 2, total: 21 })]])
      .call(notificationsApi.list, 'access-token', 2, true)
      .dispatch(notificationsPageOpened({ page: 2, unreadOnly: true }))
      .silentRun(50);
    expect(storeState.notifications).toMatchObject({ page: 2, unreadOnly: true, total: 21 });
  });

  it('reports a failed load', () =>
    expectSaga(notificationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(notificationsApi.list), throwError(new ApiRequestError(503, 'BAD_RESPONSE', 'down'))]])
      .put(notificationsLoadFailed({ status: 503, code: 'BAD_RESPONSE', message: 'down', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(notificationsPageOpened())
      .silentRun(50));

  it('loads the unread count for the badge, and shows nothing when that fails', async () => {
    await expectSaga(notificationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(notificationsApi.unreadCount), 3]])
      .put(unreadCountLoaded(3))
      .dispatch(unreadCountRequested())
      .silentRun(50);
    const { storeState } = await expectSaga(notificationsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(notificationsApi.unreadCount), throwError(new ApiRequestError(0, 'NETWORK_ERROR', 'offline'))]])
      .not.put.actionType(notificationActionFailed.type)
      .dispatch(unreadCountRequested())
      .silentRun(50);
    expect(storeState.notifications.unread).toBeNull();
  });

  it('marks a notice read and counts it down', async () => {
    const { storeState } = await expectSaga(notificationsSaga)
      .withReducer(rootReducer, withList([first, second]))
      .provide([[matchers.call.fn(notificationsApi.markRead), { ...first, readAt }]])
      .call(notificationsApi.markRead, 'access-token', 'n-1')
      .put(notificationRead({ ...first, readAt }))
      .dispatch(notificationReadClicked({ id: 'n-1' }))
      .silentRun(50);
    expect(storeState.notifications.items.map((n: NotificationDto) => [n.id, n.readAt])).toEqual([
      ['n-1', readAt],
      ['n-2', null],
    ]);
    expect(storeState.notifications.unread).toBe(1);
  });

  it('marks several notices read one after another without dropping a click', async () => {
    const markRead = jest
      .spyOn(notificationsApi, 'markRead')
      .mockImplementation((_token, id) => new Promise((resolve) => setTimeout(() => resolve({ ...(id === 'n-1' ? first : second), readAt }), 10)));
    try {
      const sagaMiddleware = createSagaMiddleware();
      const store = configureStore({ reducer: rootReducer, preloadedState: withList([first, second]), middleware: (d) => d({ thunk: false }).concat(sagaMiddleware) });
      sagaMiddleware.run(notificationsSaga);
      store.dispatch(notificationReadClicked({ id: 'n-1' }));
      store.dispatch(notificationReadClicked({ id: 'n-2' }));
      expect(store.getState().notifications.readingIds).toEqual(['n-1', 'n-2']);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(markRead).toHaveBeenCalledTimes(2);
      expect(store.getState().notifications).toMatchObject({ readingIds: [], unread: 0 });
    } finally {
      markRead.mockRestore();
    }
  });

  it('marks all read, then reloads the page to show it', async () => {
    const { storeState } = await expectSaga(notificationsSaga)
      .withReducer(rootReducer, withList([first, second]))
      .provide([
        [matchers.call.fn(notificationsApi.markAllRead), { marked: 2, unread: 0 }],
        [matchers.call.fn(notificationsApi.list), aNoticesPage([{ ...first, readAt }, { ...second, readAt }])],
      ])
      .call(notificationsApi.markAllRead, 'access-token')
      .put(allRead({ marked: 2, unread: 0 }))
      .put(notificationsLoaded(aNoticesPage([{ ...first, readAt }, { ...second, readAt }])))
      .dispatch(allReadClicked())
      .silentRun(50);
    expect(storeState.notifications).toMatchObject({ unread: 0, readingAll: false });
    expect(storeState.notifications.items.every((n: NotificationDto) => n.readAt === readAt)).toBe(true);
  });

  it('reports a refused mark-read and keeps the notice unread', async () => {
    const { storeState } = await expectSaga(notificationsSaga)
      .withReducer(rootReducer, withList([first]))
      .provide([[matchers.call.fn(notificationsApi.markRead), throwError(new ApiRequestError(404, 'NOT_FOUND', 'notification not found'))]])
      .put(notificationActionFailed({ id: 'n-1', problem: { status: 404, code: 'NOT_FOUND', message: 'notification not found', fieldErrors: {}, retryAfterSeconds: null } }))
      .dispatch(notificationReadClicked({ id: 'n-1' }))
      .silentRun(50);
    expect(storeState.notifications.items[0].readAt).toBeNull();
    expect(storeState.notifications.unread).toBe(1);
  });
});
