import type { NotificationDto, NotificationsPage, ReadAllNotificationsResult } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/** Notices per page on My page → 알림. */
export const NOTICES_PAGE_SIZE = 20;

/** HTTP calls of user-service's notices (/api/me/notifications). */
export const notificationsApi = {
  list: (token: string | null, page: number, unreadOnly: boolean) =>
    apiRequest<NotificationsPage>('/api/me/notifications', { token, query: { page, size: NOTICES_PAGE_SIZE, unread: unreadOnly ? 'true' : undefined } }),
  /** Only the unread count is wanted (the badge): the smallest page carries it. */
  unreadCount: async (token: string | null) => (await apiRequest<NotificationsPage>('/api/me/notifications', { token, query: { size: 1 } })).unread,
  markRead: (token: string | null, id: string) => apiRequest<NotificationDto>(`/api/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', token }),
  markAllRead: (token: string | null) => apiRequest<ReadAllNotificationsResult>('/api/me/notifications/read-all', { method: 'POST', token }),
};
