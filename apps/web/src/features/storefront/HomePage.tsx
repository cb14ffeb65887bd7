import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router-dom';
import { useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { selectSessionStatus } from '../auth/authSlice';

const STEPS = [
  { title: 'Pick your beans', text: 'Single origins and blends from independent roasters, roasted to order.' },
  { title: 'Choose a rhythm', text: 'A box every 1, 2 or 4 weeks. Skip, pause or swap any time.' },
  { title: 'Brew fresh', text: 'Beans leave the roastery days after roasting, not months.' },
];

/** /: the storefront home (the catalog comes in a later issue). */
export function HomePage() {
  usePageTitle('Fresh coffee on your schedule');
  const signedIn = useAppSelector(selectSessionStatus) === 'authenticated';
  return (
    <>
      <section className="hero rounded-4 p-5 my-4 text-white">
        <h1 className="display-5 fw-semibold">Specialty coffee, delivered on your schedule</h1>
        <p className="lead col-lg-8">
          Subscribe to beans from the country&apos;s best independent roasters. Freshly roasted, shipped when you want them.
        </p>
        <div className="d-flex flex-wrap gap-2">
          {signedIn ? (
            <Link to="/me" className="btn btn-light btn-lg">
              Go to My page
            </Link>
          ) : (
            <>
              <Link to="/signup" className="btn btn-light btn-lg" data-testid="home-signup">
                Create an account
              </Link>
              <Link to="/login" className="btn btn-outline-light btn-lg" data-testid="home-login">
                Sign in
              </Link>
            </>
          )}
        </div>
      </section>
      <Row className="g-3 mb-4">
        {STEPS.map((s) => (
          <Col md={4} key={s.title}>
            <Card className="h-100 border-0 shadow-sm">
              <Card.Body>
                <Card.Title as="h2" className="h5">
                  {s.title}
                </Card.Title>
                <Card.Text className="text-muted">{s.text}</Card.Text>
              </Card.Body>
            </Card>
          </Col>
        ))}
      </Row>
      <p className="text-muted">
        The catalog opens soon. Are you a roaster? <Link to="/me/partner">Sell on Roastery</Link>.
      </p>
    </>
  );
}
