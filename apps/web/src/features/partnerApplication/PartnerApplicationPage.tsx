import { useEffect } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Spinner from 'react-bootstrap/Spinner';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { selectHasRole } from '../auth/authSlice';
import { ApplicationHistory } from './components/ApplicationHistory';
import { ApplicationStatusCard } from './components/ApplicationStatusCard';
import { ApplyForm } from './components/ApplyForm';
import {
  partnerPageOpened,
  partnerRoleRefreshClicked,
  selectApplicationHistory,
  selectCurrentApplication,
  selectLoad,
  selectLoadProblem,
  selectRoleSync,
  statusCheckClicked,
} from './partnerApplicationSlice';

/** /me/partner: apply to sell, follow the review, and get to the studio once approved. */
export function PartnerApplicationPage() {
  usePageTitle('Sell on Roastery');
  const dispatch = useAppDispatch();
  const load = useAppSelector(selectLoad);
  const problem = useAppSelector(selectLoadProblem);
  const current = useAppSelector(selectCurrentApplication);
  const history = useAppSelector(selectApplicationHistory);

  useEffect(() => {
    dispatch(partnerPageOpened());
  }, [dispatch]);

  const checking = load === 'loading';
  const firstLoad = checking && current === null;

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center my-4 gap-2">
        <h1 className="h3 mb-0">Sell on Roastery</h1>
        {current && current.status !== 'REJECTED' ? (
          <Button variant="outline-secondary" size="sm" onClick={() => dispatch(statusCheckClicked())} disabled={checking} data-testid="check-status">
            {checking ? 'Checking…' : 'Check status'}
          </Button>
        ) : null}
      </div>
      {firstLoad ? <PageSpinner label="Loading your application…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={() => dispatch(statusCheckClicked())} /> : null}
      {load !== 'failed' && !firstLoad ? (
        current === null ? (
          <NewApplication />
        ) : current.status === 'REJECTED' ? (
          <>
            <Alert variant="danger" data-testid="rejection">
              <Alert.Heading as="h2" className="h6">
                Your application for {current.businessName} was not approved
              </Alert.Heading>
              <p className="mb-0">
                Reason: <span data-testid="rejection-reason">{current.rejectionReason ?? 'No reason was given.'}</span>
              </p>
              <p className="mb-0 mt-2 small">You can correct the details below and apply again.</p>
            </Alert>
            <NewApplication previous={current} />
          </>
        ) : (
          <ApplicationStatusCard application={current}>
            {current.status === 'PENDING' ? <PendingNote /> : <ApprovedNote />}
          </ApplicationStatusCard>
        )
      ) : null}
      <ApplicationHistory history={history} />
    </>
  );
}

function NewApplication({ previous }: { previous?: Parameters<typeof ApplyForm>[0]['previous'] }) {
  return (
    <Card className="shadow-sm">
      <Card.Body className="p-4">
        <p className="text-muted">
          Tell us about your roastery. An admin checks your registration number and payout details, usually within two
          business days.
        </p>
        <ApplyForm previous={previous} />
      </Card.Body>
    </Card>
  );
}

function PendingNote() {
  return (
    <p className="mb-3" data-testid="pending-note">
      Thanks for applying. Our team is reviewing your application; you can check back here any time.
    </p>
  );
}

function ApprovedNote() {
  const dispatch = useAppDispatch();
  const isPartner = useAppSelector((s) => selectHasRole(s, 'PARTNER'));
  const roleSync = useAppSelector(selectRoleSync);
  return (
    <Alert variant="success" data-testid="approved-note">
      <Alert.Heading as="h2" className="h5">
        Approved — you are a partner
      </Alert.Heading>
      {isPartner ? (
        <>
          <p>Welcome aboard. Set up your products in the partner studio.</p>
          <Link to="/studio" className="btn btn-success" data-testid="go-to-studio">
            Go to the studio
          </Link>
        </>
      ) : roleSync === 'pending' ? (
        <>
          <p>Your partner access is still being set up. This usually takes a few seconds.</p>
          <Button variant="outline-success" onClick={() => dispatch(partnerRoleRefreshClicked())} data-testid="refresh-partner-role">
            Refresh my account
          </Button>
        </>
      ) : (
        <p className="mb-0 d-flex align-items-center gap-2" role="status">
          <Spinner animation="border" size="sm" aria-hidden="true" /> Setting up your partner access…
        </p>
      )}
    </Alert>
  );
}
