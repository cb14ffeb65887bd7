import { PRODUCT_REVIEW_STATUSES, type ProductReviewStatus } from '@roastery/contracts';
import { useEffect } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { productReviewNoticeDismissed, productReviewsViewed, selectReviewPageCount, selectReviewQueue } from './adminProductsSlice';
import { MergeModal } from './components/MergeModal';
import { ProductReviewCard } from './components/ProductReviewCard';
import { RejectProductModal } from './components/RejectProductModal';
import { Pager } from '../../common/ui/Pager';

const PAGE_SIZE = 20;
const FILTERS: { value: ProductReviewStatus | 'ALL'; label: string }[] = [
  { value: 'PENDING', label: 'Pending' },
  { value: 'APPROVED', label: 'Approved' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'MERGED', label: 'Merged' },
  { value: 'ALL', label: 'All' },
];

function parseStatus(raw: string | null): ProductReviewStatus | null {
  if (raw === 'ALL') return null;
  return (PRODUCT_REVIEW_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as ProductReviewStatus) : 'PENDING';
}

/** /backoffice/products: the product review queue with findings and version diffs. The URL holds the filter. */
export function AdminProductReviewsPage() {
  usePageTitle('Product reviews');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { load, loadProblem, items, total, notice } = useAppSelector(selectReviewQueue);
  const pageCount = useAppSelector(selectReviewPageCount);

  const reload = () => dispatch(productReviewsViewed({ status, page, size: PAGE_SIZE }));
  useEffect(() => {
    dispatch(productReviewsViewed({ status, page, size: PAGE_SIZE }));
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
          <h1 className="h3 mb-1">Product reviews</h1>
          <p className="text-muted mb-0" aria-live="polite" data-testid="product-queue-total">
            {load === 'loaded' ? `${total} ${total === 1 ? 'submission' : 'submissions'}` : '\u00a0'}
          </p>
        </div>
        <div className="d-flex align-items-end gap-2">
          <Form.Group controlId="product-status-filter">
            <Form.Label className="small mb-1">Status</Form.Label>
            <Form.Select size="sm" value={status ?? 'ALL'} onChange={(e) => go({ status: e.target.value })} data-testid="product-status-filter">
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </Form.Select>
          </Form.Group>
          <Button variant="outline-secondary" size="sm" onClick={reload} disabled={load === 'loading'} data-testid="product-queue-reload">
            Reload
          </Button>
        </div>
      </div>
      {notice ? (
        <Alert variant="success" dismissible onClose={() => dispatch(productReviewNoticeDismissed())} data-testid="product-queue-notice">
          {notice}
        </Alert>
      ) : null}
      {load === 'failed' ? <ProblemAlert problem={loadProblem} onRetry={reload} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading submissions…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="product-queue-empty">
          No {status ? status.toLowerCase() : ''} submissions.
        </p>
      ) : null}
      <div aria-busy={load === 'loading'}>
        {items.map((r) => (
          <ProductReviewCard key={r.id} review={r} />
        ))}
      </div>
      <Pager page={page} pageCount={pageCount} onPage={(p) => go({ page: p })} />
      <RejectProductModal />
      <MergeModal />
    </>
  );
}
