import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/test-utils';
import { aFailedPaymentNotice, aNotice, aNoticesPage } from './notificationFixtures';
import { notificationsApi } from './notificationsApi';

const first = aNotice();
const second = aFailedPaymentNotice();
const readAt = '2026-11-21T10:00:00.000Z';

afterEach(() => jest.restoreAllMocks());

describe('NotificationsPage', () => {
  it('shows the unread badge on My page and lists notices with the unread ones marked', async () => {
    jest.spyOn(notificationsApi, 'unreadCount').mockResolvedValue(2);
    const list = jest.spyOn(notificationsApi, 'list').mockResolvedValue(aNoticesPage([first, { ...second, readAt }], { unread: 2 }));
    renderApp('/me', { preloadedState: signedIn(), runSagas: true });
    expect((await screen.findByTestId('unread-badge')).textContent).toBe('2');

    fireEvent.click(screen.getByTestId('link-notifications'));
    const cards = await screen.findAllByTestId('notification-card');
    expect(list).toHaveBeenCalledWith('access-token', 1, false);
    expect(cards.map((c) => c.getAttribute('data-unread'))).toEqual(['true', 'false']);
    expect(within(cards[0]).getByTestId('unread-marker').textContent).toBe('새 알림');
    expect(within(cards[0]).getByTestId('notification-title').textContent).toBe('정기구독 결제 예정 안내');
    expect(within(cards[0]).getByTestId('notification-body').textContent).toContain('12,900원');
    expect(within(cards[1]).queryByTestId('mark-read')).toBeNull();
    // A notice that asks for another card links to the cards.
    expect(within(cards[1]).getByRole('link', { name: '결제 수단 관리' }).getAttribute('href')).toBe('/me/payment-methods');
  });

  it('marks one read, then all read', async () => {
    jest.spyOn(notificationsApi, 'list').mockResolvedValueOnce(aNoticesPage([first, second])).mockResolvedValue(aNoticesPage([{ ...first, readAt }, { ...second, readAt }]));
    const markRead = jest.spyOn(notificationsApi, 'markRead').mockResolvedValue({ ...first, readAt });
    const markAllRead = jest.spyOn(notificationsApi, 'markAllRead').mockResolvedValue({ marked: 1, unread: 0 });
    renderApp('/me/notifications', { preloadedState: signedIn(), runSagas: true });
    const cards = await screen.findAllByTestId('notification-card');
    expect(screen.getByTestId('unread-count').textContent).toBe('2');

    fireEvent.click(within(cards[0]).getByTestId('mark-read'));
    await waitFor(() => expect(screen.getAllByTestId('notification-card')[0].getAttribute('data-unread')).toBe('false'));
    expect(markRead).toHaveBeenCalledWith('access-token', 'n-1');
    expect(screen.getByTestId('unread-count').textContent).toBe('1');

    fireEvent.click(screen.getByTestId('read-all'));
    await waitFor(() => expect(screen.getAllByTestId('notification-card').map((c) => c.getAttribute('data-unread'))).toEqual(['false', 'false']));
    expect(markAllRead).toHaveBeenCalledWith('access-token');
    expect(screen.queryByTestId('unread-count')).toBeNull();
    expect((screen.getByTestId('read-all') as HTMLButtonElement).disabled).toBe(true);
  });

  it('filters unread notices and says when there are none', async () => {
    const list = jest.spyOn(notificationsApi, 'list').mockResolvedValueOnce(aNoticesPage([{ ...first, readAt }], { unread: 0 })).mockResolvedValue(aNoticesPage([], { unread: 0 }));
    renderApp('/me/notifications', { preloadedState: signedIn(), runSagas: true });
    await screen.findAllByTestId('notification-card');
    fireEvent.click(screen.getByTestId('filter-unread'));
    expect((await screen.findByTestId('no-notifications')).textContent).toBe('읽지 않은 알림이 없습니다.');
    expect(list).toHaveBeenLastCalledWith('access-token', 1, true);
  });
});
