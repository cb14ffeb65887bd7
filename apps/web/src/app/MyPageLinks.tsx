import Card from 'react-bootstrap/Card';
import ListGroup from 'react-bootstrap/ListGroup';
import { Link } from 'react-router-dom';
import { NotificationsLink } from '../features/notifications/components/NotificationsLink';

/** My page's subscriber sections: addresses, cards, subscriptions, orders and notices. */
export function MyPageLinks() {
  return (
    <Card className="shadow-sm mt-4" data-testid="my-page-links">
      <Card.Header as="h2" className="h6 mb-0">
        Subscriptions set-up
      </Card.Header>
      <ListGroup variant="flush">
        <ListGroup.Item action as={Link} to="/me/addresses" data-testid="link-addresses">
          <strong>배송지</strong> <span className="text-muted">· Shipping addresses</span>
        </ListGroup.Item>
        <ListGroup.Item action as={Link} to="/me/payment-methods" data-testid="link-payment-methods">
          <strong>결제 수단</strong> <span className="text-muted">· Payment methods</span>
        </ListGroup.Item>
        <ListGroup.Item action as={Link} to="/me/subscriptions" data-testid="link-subscriptions">
          <strong>정기배송</strong> <span className="text-muted">· Subscriptions</span>
        </ListGroup.Item>
        <ListGroup.Item action as={Link} to="/me/orders" data-testid="link-orders">
          <strong>주문 내역</strong> <span className="text-muted">· Orders</span>
        </ListGroup.Item>
        <NotificationsLink />
      </ListGroup>
    </Card>
  );
}
