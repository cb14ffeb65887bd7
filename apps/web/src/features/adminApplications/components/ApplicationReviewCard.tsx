import { formatBusinessRegistrationNumber, type ApplicationReviewDto } from '@roastery/contracts';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ApplicationStatusBadge } from '../../partnerApplication/components/ApplicationStatusCard';
import { approveClicked, rejectDialogOpened, selectDecision } from '../adminApplicationsSlice';
import { FindingsList } from './FindingsList';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One application in the review queue, with its findings and the decision buttons. */
export function ApplicationReviewCard({ application: a }: { application: ApplicationReviewDto }) {
  const dispatch = useAppDispatch();
  const decision = useAppSelector((s) => selectDecision(s, a.id));
  const busy = Boolean(decision?.pending);
  const headingId = `application-${a.id}-heading`;

  return (
    <Card as="article" className="shadow-sm mb-3" data-testid="review-card" data-application-id={a.id} aria-labelledby={headingId}>
      <Card.Header className="d-flex flex-wrap justify-content-between align-items-center gap-2 bg-transparent">
        <h2 id={headingId} className="h6 mb-0">
          {a.businessName}
          {a.attempt > 1 ? <span className="text-muted fw-normal ms-2">(attempt {a.attempt})</span> : null}
        </h2>
        <ApplicationStatusBadge status={a.status} testId="review-status" />
      </Card.Header>
      <Card.Body>
        <div className="row">
          <dl className="col-md-7 row mb-2 small">
            <dt className="col-sm-5">Registration number</dt>
            <dd className="col-sm-7" data-testid="review-registration-number">
              {formatBusinessRegistrationNumber(a.registrationNumber)}
            </dd>
            <dt className="col-sm-5">Representative</dt>
            <dd className="col-sm-7">{a.representative}</dd>
            <dt className="col-sm-5">Contact</dt>
            <dd className="col-sm-7">
              {a.phone} · {a.email}
            </dd>
            <dt className="col-sm-5">Payout</dt>
            <dd className="col-sm-7">
              {a.payoutBank} ····{a.payoutAccountLast4}
            </dd>
            <dt className="col-sm-5">Submitted</dt>
            <dd className="col-sm-7">{when.format(new Date(a.submittedAt))}</dd>
            {a.reason ? (
              <>
                <dt className="col-sm-5">Rejection reason</dt>
                <dd className="col-sm-7">{a.reason}</dd>
              </>
            ) : null}
          </dl>
          <div className="col-md-5">
            <FindingsList findings={a.findings} />
          </div>
        </div>
        {decision?.problem ? (
          <Alert variant="danger" className="py-2 small mb-2" role="alert">
            {decision.problem.message}
          </Alert>
        ) : null}
        {a.status === 'PENDING' ? (
          <div className="d-flex gap-2">
            <Button variant="success" size="sm" disabled={busy} onClick={() => dispatch(approveClicked({ id: a.id }))} data-testid="approve">
              {decision?.pending === 'approve' ? 'Approving…' : 'Approve'}
            </Button>
            <Button variant="outline-danger" size="sm" disabled={busy} onClick={() => dispatch(rejectDialogOpened({ id: a.id }))} data-testid="reject">
              Reject…
            </Button>
          </div>
        ) : null}
      </Card.Body>
    </Card>
  );
}
