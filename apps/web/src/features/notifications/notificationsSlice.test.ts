import { makeStore } from '../../app/store';
import { aProblem } from '../../test/fixtures';
import { aFailedPaymentNotice, aNotice, aNoticesPage } from './notificationFixtures';
import {
  allRead,
  allReadClicked,
  initialNotificationsState,
  notificationActionFailed,
  notificationRead,
  notificationReadClicked,
  notificationsLoaded,
  notificationsLoadFailed,
  notificationsPageOpened,
  notificationsSlice,
  selectNotificationsPageCount,
  selectUnreadCount,
  unreadCountLoaded,
} from './notificationsSlice';

const reduce = notificationsSlice.reducer;
const first = aNotice();
const second = aFailedPaymentNotice();
const loaded = (page = aNoticesPage([first, second])) => reduce(reduce(initialNotificationsState, notificationsPageOpened()), notificationsLoaded(page));

describe('notificationsSlice', () => {
  it('loads a page with its paging and the unread count', () => {
    const state = loaded(aNoticesPage([first, second], { total: 45, unread: 7 }));
    expect(state).toMatchObject({ load: 'loaded', page: 1, total: 45, unread: 7 });
    expect(state.items.map((n) => n.id)).toEqual(['n-1', 'n-2']);
    const root = { ...makeStore(undefined, { runSagas: false }).getState(), notifications: state };
    expect(selectNotificationsPageCount(root)).toBe(3);
    expect(selectUnreadCount(root)).toBe(7);
  });

  it('remembers the page and the unread-only filter between loads', () => {
    const filtered = reduce(loaded(), notificationsPageOpened({ unreadOnly: true }));
    expect(filtered).toMatchObject({ load: 'loading', page: 1, unreadOnly: true });
    const paged = reduce(filtered, notificationsPageOpened({ page: 3 }));
    expect(paged).toMatchObject({ page: 3, unreadOnly: true });
  });

  it('keeps the last list when a load fails', () => {
    const failed = reduce(reduce(loaded(), notificationsPageOpened()), notificationsLoadFailed(aProblem({ status: 503, code: 'BAD_RESPONSE' })));
    expect(failed).toMatchObject({ load: 'failed', loadProblem: { code: 'BAD_RESPONSE' } });
    expect(failed.items).toHaveLength(2);
  });

  it('marks one read, counting it down once', () => {
    const reading = reduce(loaded(), notificationReadClicked({ id: 'n-1' }));
    expect(reading.readingIds).toEqual(['n-1']);
    const read = reduce(reading, notificationRead({ ...first, readAt: '2026-11-21T10:00:00.000Z' }));
    expect(read.readingIds).toEqual([]);
    expect(read.items[0].readAt).toBe('2026-11-21T10:00:00.000Z');
    expect(read.unread).toBe(1);
    // A repeat answer (double click) does not count down again.
    expect(reduce(read, notificationRead({ ...first, readAt: '2026-11-21T10:00:00.000Z' })).unread).toBe(1);
  });

  it('takes the unread count from read-all and the badge request', () => {
    const busy = reduce(loaded(), allReadClicked());
    expect(busy.readingAll).toBe(true);
    const done = reduce(busy, allRead({ marked: 2, unread: 0 }));
    expect(done).toMatchObject({ readingAll: false, unread: 0 });
    expect(reduce(initialNotificationsState, unreadCountLoaded(4)).unread).toBe(4);
  });

  it('reports a failed action and frees what it was running for', () => {
    const one = reduce(reduce(loaded(), notificationReadClicked({ id: 'n-2' })), notificationActionFailed({ id: 'n-2', problem: aProblem({ status: 404, code: 'NOT_FOUND' }) }));
    expect(one).toMatchObject({ readingIds: [], actionProblem: { code: 'NOT_FOUND' } });
    const all = reduce(reduce(loaded(), allReadClicked()), notificationActionFailed({ problem: aProblem({ status: 0, code: 'NETWORK_ERROR' }) }));
    expect(all).toMatchObject({ readingAll: false, actionProblem: { code: 'NETWORK_ERROR' } });
  });
});
