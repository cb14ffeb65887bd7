import { formatBusinessRegistrationNumber, type ApplicationStatus, type PartnerApplicationDto } from '@roastery/contracts';
import Badge from 'react-bootstrap/Badge';
import type { ReactNode } from 'react';
import Card from 'react-bootstrap/Card';

const STATUS: Record<ApplicationStatus, { label: string; bg: string }> = {
  PENDING: { label: 'Pending review', bg: 'warning' },
  APPROVED: { label: 'Approved', bg: 'success' },
  REJECTED: { label: 'Rejected', bg: 'danger' },
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A status badge whose `data-status` carries the machine value. */
export function ApplicationStatusBadge({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  return (
    <Badge bg={STATUS[status].bg} text={status === 'PENDING' ? 'dark' : undefined} data-testid={testId} data-status={status}>
      {STATUS[status].label}
    </Badge>
  );
}

/** What was submitted, and where it stands. */
export function ApplicationStatusCard({ application, children }: { application: PartnerApplicationDto; children?: ReactNode }) {
  return (
    <Card className="shadow-sm mb-4" data-testid="application-card">
      <Card.Header className="d-flex justify-content-between align-items-center bg-transparent">
        <span className="fw-semibold">{application.businessName}</span>
        <ApplicationStatusBadge status={application.status} testId="application-status" />
      </Card.Header>
      <Card.Body>
        {children}
        <dl className="row mb-0 small">
          <dt className="col-sm-4">Registration number</dt>
          <dd className="col-sm-8">{formatBusinessRegistrationNumber(application.registrationNumber)}</dd>
          <dt className="col-sm-4">Representative</dt>
          <dd className="col-sm-8">{application.representative}</dd>
          <dt className="col-sm-4">Contact</dt>
          <dd className="col-sm-8">
            {application.phone} · {application.email}
          </dd>
          <dt className="col-sm-4">Payout account</dt>
          <dd className="col-sm-8">
            {application.payoutBank} {application.payoutAccountMasked}
          </dd>
          <dt className="col-sm-4">Submitted</dt>
          <dd className="col-sm-8">{when.format(new Date(application.submittedAt))}</dd>
          {application.decidedAt ? (
            <>
              <dt className="col-sm-4">Decided</dt>
              <dd className="col-sm-8">{when.format(new Date(application.decidedAt))}</dd>
            </>
          ) : null}
        </dl>
      </Card.Body>
    </Card>
  );
}
