import { APPLICATION_STATUSES, type ApplicationStatus } from '@roastery/contracts';
import { useEffect } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import {
  noticeDismissed,
  reviewQueueViewed,
  selectNotice,
  selectPageCount,
  selectQueueItems,
  selectQueueLoad,
  selectQueueProblem,
  selectQueueTotal,
} from './adminApplicationsSlice';
import { ApplicationReviewCard } from './components/ApplicationReviewCard';
import { RejectModal } from './components/RejectModal';
import { Pager } from '../../common/ui/Pager';

const PAGE_SIZE = 20;
const FILTERS: { value: ApplicationStatus | 'ALL'; label: string }[] = [
  { value: 'PENDING', label: 'Pending' },
  { value: 'APPROVED', label: 'Approved' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'ALL', label: 'All' },
];

function parseStatus(raw: string | null): ApplicationStatus | null {
  if (raw === 'ALL') return null;
  return (APPLICATION_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as ApplicationStatus) : 'PENDING';
}

/** /backoffice/applications: the partner application review queue. The URL holds the filter. */
export function AdminApplicationsPage() {
  usePageTitle('Partner applications');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const load = useAppSelector(selectQueueLoad);
  const problem = useAppSelector(selectQueueProblem);
  const items = useAppSelector(selectQueueItems);
  const total = useAppSelector(selectQueueTotal);
  const pageCount = useAppSelector(selectPageCount);
  const notice = useAppSelector(selectNotice);

  const reload = () => dispatch(reviewQueueViewed({ status, page, size: PAGE_SIZE }));
  useEffect(() => {
    dispatch(reviewQueueViewed({ status, page, size: PAGE_SIZE }));
  }, [dispatch, status, page]);

  const go = (next: { status?: string; page?: number }) => {
    const p = new URLSearchParams(params);
    if (next.status !== undefined) {
      p.set('status', next.status);
      p.delete('page');
    }
    if (next.page !== undefined) p.set('page', String(next.page));
    setParams(p);
  };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1">Partner applications</h1>
          <p className="text-muted mb-0" aria-live="polite" data-testid="queue-total">
            {load === 'loaded' ? `${total} ${total === 1 ? 'application' : 'applications'}` : '\u00a0'}
          </p>
        </div>
        <div className="d-flex align-items-end gap-2">
          <Form.Group controlId="status-filter">
            <Form.Label className="small mb-1">Status</Form.Label>
            <Form.Select
              size="sm"
              value={status ?? 'ALL'}
              onChange={(e) => go({ status: e.target.value })}
              data-testid="status-filter"
            >
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </Form.Select>
          </Form.Group>
          <Button variant="outline-secondary" size="sm" onClick={reload} disabled={load === 'loading'} data-testid="reload">
            Reload
          </Button>
        </div>
      </div>
      {notice ? (
        <Alert variant="success" dismissible onClose={() => dispatch(noticeDismissed())} data-testid="queue-notice">
          {notice}
        </Alert>
      ) : null}
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={reload} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading applications…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="queue-empty">
          No {status ? status.toLowerCase() : ''} applications.
        </p>
      ) : null}
      <div aria-busy={load === 'loading'}>
        {items.map((a) => (
          <ApplicationReviewCard key={a.id} application={a} />
        ))}
      </div>
      <Pager page={page} pageCount={pageCount} onPage={(p) => go({ page: p })} />
      <RejectModal />
    </>
  );
}
