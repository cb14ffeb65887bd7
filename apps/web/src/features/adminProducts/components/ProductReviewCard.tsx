import type { ProductReviewDto, ProductReviewStatus } from '@roastery/contracts';
import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Table from 'react-bootstrap/Table';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { formatDateTime, formatWon } from '../../../common/utils/format';
import { GRIND_LABELS, originLabel, roastLabel, weightLabel } from '../../storefront/catalogLabels';
import { mergeDialogOpened, productApproveClicked, productRejectDialogOpened, selectReviewDecision } from '../adminProductsSlice';
import { ReviewFindings, VersionDiff } from './ReviewFindings';

const STATUS: Record<ProductReviewStatus, { label: string; bg: string }> = {
  PENDING: { label: 'Pending review', bg: 'warning' },
  APPROVED: { label: 'Approved', bg: 'success' },
  REJECTED: { label: 'Rejected', bg: 'danger' },
  MERGED: { label: 'Merged', bg: 'info' },
};

export function ReviewStatusBadge({ status }: { status: ProductReviewStatus }) {
  return (
    <Badge bg={STATUS[status].bg} text={status === 'PENDING' || status === 'MERGED' ? 'dark' : undefined} data-testid="review-status" data-status={status}>
      {STATUS[status].label}
    </Badge>
  );
}

/** One submission in the queue: its content, findings, the diff, and the decision buttons. */
export function ProductReviewCard({ review: r }: { review: ProductReviewDto }) {
  const dispatch = useAppDispatch();
  const decision = useAppSelector((s) => selectReviewDecision(s, r.id));
  const busy = Boolean(decision?.pending);
  const headingId = `product-review-${r.id}-heading`;
  const c = r.content;
  const duplicates = r.findings.filter((f) => f.code === 'SUSPECTED_DUPLICATE' && f.productId && f.productId !== r.productId);

  return (
    <Card as="article" className="shadow-sm mb-3" data-testid="product-review-card" data-review-id={r.id} data-product-id={r.productId} aria-labelledby={headingId}>
      <Card.Header className="d-flex flex-wrap justify-content-between align-items-center gap-2 bg-transparent">
        <div>
          <h2 id={headingId} className="h6 mb-0">
            {c.name || 'Untitled'} <span className="text-muted fw-normal">v{r.version}</span>
          </h2>
          <span className="small text-muted">
            by {r.partner.name}
            {r.partner.trusted ? (
              <Badge bg="light" text="dark" className="border ms-2" data-testid="partner-trusted">
                Trusted
              </Badge>
            ) : null}
          </span>
        </div>
        <div className="d-flex gap-2 align-items-center">
          {r.autoApproved ? (
            <Badge bg="light" text="dark" className="border">
              Auto-approved (trusted edit)
            </Badge>
          ) : null}
          <ReviewStatusBadge status={r.status} />
        </div>
      </Card.Header>
      <Card.Body>
        <div className="row g-3">
          <div className="col-lg-6">
            <dl className="row mb-2 small">
              <dt className="col-sm-4">Origin</dt>
              <dd className="col-sm-8">{originLabel(c.origin) || '—'}</dd>
              <dt className="col-sm-4">Producer · lot</dt>
              <dd className="col-sm-8">{[c.producer, c.lot].filter(Boolean).join(' · ') || '—'}</dd>
              <dt className="col-sm-4">Variety · process</dt>
              <dd className="col-sm-8">{[c.variety, c.process].filter(Boolean).join(' · ') || '—'}</dd>
              <dt className="col-sm-4">Roast</dt>
              <dd className="col-sm-8">{roastLabel(c.roastLevel)}</dd>
              <dt className="col-sm-4">Tasting notes</dt>
              <dd className="col-sm-8">{c.tastingNotes.join(', ') || '—'}</dd>
              <dt className="col-sm-4">Submitted</dt>
              <dd className="col-sm-8">{formatDateTime(r.submittedAt)}</dd>
            </dl>
            {c.description ? <p className="small text-body-secondary pre-wrap">{c.description}</p> : null}
            <Table size="sm" className="small mb-0" data-testid="review-options">
              <thead>
                <tr>
                  <th scope="col">Weight</th>
                  <th scope="col">Grind</th>
                  <th scope="col" className="text-end">
                    Price
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.options.map((o) => (
                  <tr key={o.id}>
                    <td>{weightLabel(o.weightGrams)}</td>
                    <td>{GRIND_LABELS[o.grind]}</td>
                    <td className="text-end">{formatWon(o.priceWon)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="col-lg-6">
            <ReviewFindings findings={r.findings} />
            <VersionDiff diff={r.diff} version={r.version} options={c.options} />
          </div>
        </div>
        {r.reason ? (
          <p className="small mt-2 mb-0" data-testid="review-reason">
            <strong>Reason:</strong> {r.reason}
          </p>
        ) : null}
        {r.mergedInto ? (
          <p className="small mt-2 mb-0" data-testid="review-merged-into">
            Merged into product <code>{r.mergedInto}</code>
            {r.decidedAt ? ` on ${formatDateTime(r.decidedAt)}` : ''}.
          </p>
        ) : null}
        {decision?.problem ? (
          <Alert variant="danger" className="py-2 small mt-2 mb-0" role="alert" data-testid="review-problem">
            {decision.problem.message}
          </Alert>
        ) : null}
        {r.status === 'PENDING' ? (
          <div className="d-flex flex-wrap gap-2 mt-3">
            <Button variant="success" size="sm" disabled={busy} onClick={() => dispatch(productApproveClicked({ id: r.id, body: {} }))} data-testid="product-approve">
              {decision?.pending === 'approve' ? 'Approving…' : 'Approve'}
            </Button>
            {duplicates.map((f) => (
              <Button
                key={f.productId}
                variant="outline-primary"
                size="sm"
                disabled={busy}
                onClick={() => dispatch(mergeDialogOpened({ id: r.id, targetProductId: f.productId ?? '' }))}
                data-testid="product-merge"
                data-target-product-id={f.productId}
              >
                {decision?.pending === 'merge' ? 'Merging…' : 'Approve as merge…'}
              </Button>
            ))}
            <Button variant="outline-danger" size="sm" disabled={busy} onClick={() => dispatch(productRejectDialogOpened({ id: r.id }))} data-testid="product-reject">
              Reject…
            </Button>
          </div>
        ) : null}
      </Card.Body>
    </Card>
  );
}
