import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { selectAccount } from '../auth/authSlice';

const SECTIONS = [
  { title: 'Products', text: 'Draft your beans with origin, process, roast level and options, then submit them for review.' },
  { title: 'Orders', text: 'Prepare and ship the boxes routed to you, with tracking numbers.' },
  { title: 'Settlements', text: 'Follow your payouts: sales of a business day are paid three business days later.' },
];

/** /studio: the partner console's home (placeholder until the console lands). */
export function StudioHomePage() {
  usePageTitle('Partner studio');
  const account = useAppSelector(selectAccount);
  return (
    <>
      <h1 className="h3 my-4" data-testid="studio-heading">
        Partner studio
      </h1>
      <p className="lead">Welcome, {account?.name}. Your partner console is being built; here is what is coming.</p>
      <Row className="g-3">
        {SECTIONS.map((s) => (
          <Col md={4} key={s.title}>
            <Card className="h-100 shadow-sm">
              <Card.Body>
                <Card.Title as="h2" className="h5">
                  {s.title}
                </Card.Title>
                <Card.Text className="text-muted">{s.text}</Card.Text>
                <span className="badge text-bg-light border">Coming soon</span>
              </Card.Body>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
