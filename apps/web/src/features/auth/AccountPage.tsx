import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { MyPageLinks } from '../../app/MyPageLinks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { selectAccount, selectIsRefreshing, sessionRefreshRequested } from './authSlice';
import { RoleBadges } from './components/RoleBadges';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** /me: the signed-in account, its roles and where to go next. */
export function AccountPage() {
  usePageTitle('My page');
  const dispatch = useAppDispatch();
  const account = useAppSelector(selectAccount);
  const refreshing = useAppSelector(selectIsRefreshing);
  if (!account) return null;
  const isPartner = account.roles.includes('PARTNER');
  const isAdmin = account.roles.includes('ADMIN');

  return (
    <>
      <h1 className="h3 my-4">My page</h1>
      <Row className="g-4">
        <Col md={7}>
          <Card className="shadow-sm" data-testid="account-card">
            <Card.Body>
              <Card.Title as="h2" className="h5">
                {account.name}
              </Card.Title>
              <dl className="row mb-0">
                <dt className="col-sm-4">Email</dt>
                <dd className="col-sm-8" data-testid="account-email">
                  {account.email}
                </dd>
                <dt className="col-sm-4">Roles</dt>
                <dd className="col-sm-8">
                  <RoleBadges roles={account.roles} testId="account-roles" />
                </dd>
                <dt className="col-sm-4">Member since</dt>
                <dd className="col-sm-8">{dateFormat.format(new Date(account.createdAt))}</dd>
              </dl>
            </Card.Body>
            <Card.Footer className="bg-transparent">
              <Button
                variant="outline-secondary"
                size="sm"
                disabled={refreshing}
                onClick={() => dispatch(sessionRefreshRequested())}
                data-testid="refresh-account"
              >
                {refreshing ? 'Refreshing…' : 'Refresh account'}
              </Button>
              <span className="text-muted small ms-2">Roles changed recently? Refresh to see them without signing in again.</span>
            </Card.Footer>
          </Card>
          <MyPageLinks />
        </Col>
        <Col md={5}>
          <Card className="shadow-sm h-100">
            <Card.Body>
              <Card.Title as="h2" className="h5">
                {isPartner ? 'Your roastery' : 'Sell on Roastery'}
              </Card.Title>
              <Card.Text>
                {isPartner
                  ? 'Manage your products, orders and settlements in the partner studio.'
                  : 'Roast your own beans? Apply to sell them to subscribers across the country.'}
              </Card.Text>
              <div className="d-flex flex-wrap gap-2">
                <Link to="/me/partner" className="btn btn-primary" data-testid="sell-on-roastery">
                  {isPartner ? 'Partner application' : 'Sell on Roastery'}
                </Link>
                {isPartner ? (
                  <Link to="/studio" className="btn btn-outline-primary">
                    Open studio
                  </Link>
                ) : null}
                {isAdmin ? (
                  <Link to="/backoffice/applications" className="btn btn-outline-danger">
                    Backoffice
                  </Link>
                ) : null}
              </div>
            </Card.Body>
          </Card>
        </Col>
      </Row>
    </>
  );
}
