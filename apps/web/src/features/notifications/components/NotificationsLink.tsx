import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import ListGroup from 'react-bootstrap/ListGroup';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectUnreadCount, unreadCountRequested } from '../notificationsSlice';

/** My page's link to 알림, with the unread count as a badge. */
export function NotificationsLink() {
  const dispatch = useAppDispatch();
  const unread = useAppSelector(selectUnreadCount);
  useEffect(() => {
    dispatch(unreadCountRequested());
  }, [dispatch]);
  return (
    <ListGroup.Item action as={Link} to="/me/notifications" className="d-flex justify-content-between align-items-center" data-testid="link-notifications">
      <span>
        <strong>알림</strong> <span className="text-muted">· Notices</span>
      </span>
      {unread ? (
        <Badge bg="danger" pill data-testid="unread-badge" aria-label={`읽지 않은 알림 ${unread}개`}>
          {unread}
        </Badge>
      ) : null}
    </ListGroup.Item>
  );
}
