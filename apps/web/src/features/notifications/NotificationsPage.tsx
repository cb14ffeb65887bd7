import type { NotificationDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import ButtonGroup from 'react-bootstrap/ButtonGroup';
import Card from 'react-bootstrap/Card';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { Pager } from '../../common/ui/Pager';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime } from '../../common/utils/format';
import {
  allReadClicked,
  notificationReadClicked,
  notificationsPageOpened,
  selectNotificationActionProblem,
  selectNotifications,
  selectNotificationsLoad,
  selectNotificationsLoadProblem,
  selectNotificationsPage,
  selectNotificationsPageCount,
  selectReadingAll,
  selectReadingIds,
  selectUnreadCount,
  selectUnreadOnly,
} from './notificationsSlice';

/** /me/notifications (알림): notices newest first, unread ones marked; mark one or all read. */
export function NotificationsPage() {
  usePageTitle('알림 · Notices');
  const dispatch = useAppDispatch();
  const load = useAppSelector(selectNotificationsLoad);
  const loadProblem = useAppSelector(selectNotificationsLoadProblem);
  const items = useAppSelector(selectNotifications);
  const page = useAppSelector(selectNotificationsPage);
  const pageCount = useAppSelector(selectNotificationsPageCount);
  const unreadOnly = useAppSelector(selectUnreadOnly);
  const unread = useAppSelector(selectUnreadCount);
  const readingAll = useAppSelector(selectReadingAll);
  const actionProblem = useAppSelector(selectNotificationActionProblem);

  useEffect(() => {
    dispatch(notificationsPageOpened());
  }, [dispatch]);

  const firstLoad = load === 'loading' && items.length === 0;

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / 알림
      </nav>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mt-2 mb-4">
        <h1 className="h3 mb-0">
          알림 · Notices{' '}
          {unread ? (
            <Badge bg="danger" pill data-testid="unread-count">
              {unread}
            </Badge>
          ) : null}
        </h1>
        <div className="d-flex gap-2">
          <ButtonGroup size="sm" aria-label="Filter">
            <Button variant={unreadOnly ? 'outline-secondary' : 'secondary'} onClick={() => dispatch(notificationsPageOpened({ unreadOnly: false }))} data-testid="filter-all">
              전체
            </Button>
            <Button variant={unreadOnly ? 'secondary' : 'outline-secondary'} onClick={() => dispatch(notificationsPageOpened({ unreadOnly: true }))} data-testid="filter-unread">
              안 읽음
            </Button>
          </ButtonGroup>
          <Button size="sm" variant="outline-primary" disabled={readingAll || !unread} onClick={() => dispatch(allReadClicked())} data-testid="read-all">
            {readingAll ? '처리 중…' : '모두 읽음'}
          </Button>
        </div>
      </div>
      {firstLoad ? <PageSpinner label="Loading your notices…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={loadProblem} onRetry={() => dispatch(notificationsPageOpened({ page }))} /> : null}
      <ProblemAlert problem={actionProblem} testId="notification-action-problem" />
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted" data-testid="no-notifications">
          {unreadOnly ? '읽지 않은 알림이 없습니다.' : '아직 알림이 없습니다. 결제 예정, 결제 결과, 배송 소식을 여기서 알려 드립니다.'}
        </p>
      ) : null}
      <ul className="list-unstyled d-grid gap-3 mb-4" aria-label="Notices" data-testid="notification-list">
        {items.map((n) => (
          <NotificationCard key={n.id} notice={n} />
        ))}
      </ul>
      <Pager page={page} pageCount={pageCount} onPage={(p) => dispatch(notificationsPageOpened({ page: p }))} testIdPrefix="notifications-page" />
    </>
  );
}

/** Where a notice asks the subscriber to act, a link there. */
function actionLink(n: NotificationDto): { to: string; label: string } | null {
  if (n.kind === 'PAST_DUE') return { to: '/me/payment-methods', label: '결제 수단 관리' };
  if (n.kind === 'PAYMENT_FAILED' && n.data.reason !== 'PROVIDER_UNAVAILABLE') return { to: '/me/payment-methods', label: '결제 수단 관리' };
  return null;
}

function NotificationCard({ notice: n }: { notice: NotificationDto }) {
  const dispatch = useAppDispatch();
  const reading = useAppSelector(selectReadingIds).includes(n.id);
  const isUnread = n.readAt === null;
  const action = actionLink(n);
  return (
    <li>
      <Card className={isUnread ? 'border-primary' : 'bg-light'} data-testid="notification-card" data-id={n.id} data-unread={isUnread}>
        <Card.Body>
          <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
            <div className="d-flex align-items-center gap-2">
              {isUnread ? (
                <Badge bg="primary" data-testid="unread-marker">
                  새 알림
                </Badge>
              ) : null}
              <h2 className={`h6 mb-0 ${isUnread ? 'fw-bold' : 'fw-normal'}`} data-testid="notification-title">
                {n.title}
              </h2>
            </div>
            <small className="text-muted">{formatDateTime(n.createdAt)}</small>
          </div>
          <p className="mb-2 mt-2" data-testid="notification-body">
            {n.body}
          </p>
          <div className="d-flex gap-2">
            {action ? (
              <Link to={action.to} className="btn btn-sm btn-outline-secondary">
                {action.label}
              </Link>
            ) : null}
            {isUnread ? (
              <Button size="sm" variant="link" className="p-0" disabled={reading} onClick={() => dispatch(notificationReadClicked({ id: n.id }))} data-testid="mark-read">
                {reading ? '처리 중…' : '읽음 표시'}
              </Button>
            ) : null}
          </div>
        </Card.Body>
      </Card>
    </li>
  );
}
