import { useEffect } from 'react';
import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import type { AdminPartnerDto } from './adminPartnersApi';
import {
  partnerStatusDialogOpened,
  partnersNoticeDismissed,
  partnersViewed,
  selectPartnerChange,
  selectPartnerList,
  selectPartnerPageCount,
  trustToggled,
} from './adminPartnersSlice';
import { PartnerStatusModal } from './components/PartnerStatusModal';
import { Pager } from '../../common/ui/Pager';

const PAGE_SIZE = 20;

/** /backoffice/partners: every partner, with suspend/reinstate and the trusted switch. */
export function AdminPartnersPage() {
  usePageTitle('Partners');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { load, loadProblem, items, total, notice } = useAppSelector(selectPartnerList);
  const pageCount = useAppSelector(selectPartnerPageCount);
  const reload = () => dispatch(partnersViewed({ page, size: PAGE_SIZE }));

  useEffect(() => {
    dispatch(partnersViewed({ page, size: PAGE_SIZE }));
  }, [dispatch, page]);

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1">Partners</h1>
          <p className="text-muted mb-0" aria-live="polite">
            {load === 'loaded' ? `${total} ${total === 1 ? 'partner' : 'partners'}` : '\u00a0'}
          </p>
        </div>
        <Button variant="outline-secondary" size="sm" onClick={reload} disabled={load === 'loading'} data-testid="partners-reload">
          Reload
        </Button>
      </div>
      {notice ? (
        <Alert variant="success" dismissible onClose={() => dispatch(partnersNoticeDismissed())} data-testid="partners-notice">
          {notice}
        </Alert>
      ) : null}
      {load === 'failed' ? <ProblemAlert problem={loadProblem} onRetry={reload} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading partners…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="partners-empty">
          No partners yet.
        </p>
      ) : null}
      {items.length > 0 ? (
        <Table responsive className="align-middle" aria-busy={load === 'loading'} data-testid="partner-table">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Trusted</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <PartnerRow key={p.id} partner={p} />
            ))}
          </tbody>
        </Table>
      ) : null}
      <Pager page={page} pageCount={pageCount} onPage={(p) => setParams({ page: String(p) })} />
      <PartnerStatusModal />
    </>
  );
}

function PartnerRow({ partner: p }: { partner: AdminPartnerDto }) {
  const dispatch = useAppDispatch();
  const change = useAppSelector((s) => selectPartnerChange(s, p.id));
  const busy = Boolean(change?.pending);
  const suspended = p.status === 'SUSPENDED';
  return (
    <tr data-testid="partner-row" data-partner-id={p.id} data-status={p.status}>
      <td>
        <span className="fw-semibold">{p.name}</span>
        {p.suspendedReason && suspended ? <div className="small text-muted">Reason: {p.suspendedReason}</div> : null}
      </td>
      <td>
        <Badge bg={suspended ? 'danger' : 'success'} data-testid="partner-status" data-status={p.status}>
          {suspended ? 'Suspended' : 'Active'}
        </Badge>
      </td>
      <td>
        <Form.Check
          type="switch"
          id={`trusted-${p.id}`}
          label={<span className="small">{change?.pending === 'trust' ? 'Saving…' : p.trusted ? 'Small edits skip review' : 'Every edit reviewed'}</span>}
          aria-label={`Trusted: ${p.name}`}
          checked={p.trusted}
          disabled={busy}
          onChange={(e) => dispatch(trustToggled({ id: p.id, trusted: e.target.checked }))}
          data-testid="partner-trusted-switch"
        />
        {change?.problem ? (
          <div className="small text-danger" role="alert">
            {change.problem.message}
          </div>
        ) : null}
      </td>
      <td className="text-end">
        <Button
          variant={suspended ? 'outline-success' : 'outline-danger'}
          size="sm"
          disabled={busy}
          onClick={() => dispatch(partnerStatusDialogOpened({ id: p.id, action: suspended ? 'reinstate' : 'suspend' }))}
          data-testid={suspended ? 'partner-reinstate' : 'partner-suspend'}
        >
          {suspended ? 'Reinstate…' : 'Suspend…'}
        </Button>
      </td>
    </tr>
  );
}
