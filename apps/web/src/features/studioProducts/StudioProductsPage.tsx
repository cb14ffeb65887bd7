import type { PartnerProductDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { formatDateTime, formatWon } from '../../common/utils/format';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { originLabel } from '../storefront/catalogLabels';
import { onSaleNote, ProductStatusBadge } from './components/ProductStatus';
import { selectProductList, selectProductListPageCount, studioProductsViewed } from './studioProductsSlice';
import { Pager } from '../../common/ui/Pager';

const PAGE_SIZE = 20;

function priceRange(product: PartnerProductDto): string {
  const prices = product.current.options.map((o) => o.priceWon);
  if (prices.length === 0) return '—';
  const [min, max] = [Math.min(...prices), Math.max(...prices)];
  return min === max ? formatWon(min) : `${formatWon(min)} – ${formatWon(max)}`;
}

/** /studio: the partner's products with their review status and the reviewer's reason. */
export function StudioProductsPage() {
  usePageTitle('Your products');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { load, problem, items, total } = useAppSelector(selectProductList);
  const pageCount = useAppSelector(selectProductListPageCount);
  const reload = () => dispatch(studioProductsViewed({ page, size: PAGE_SIZE }));

  useEffect(() => {
    dispatch(studioProductsViewed({ page, size: PAGE_SIZE }));
  }, [dispatch, page]);

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1" data-testid="studio-heading">
            Your products
          </h1>
          <p className="text-muted mb-0" aria-live="polite">
            {load === 'loaded' ? `${total} ${total === 1 ? 'product' : 'products'}` : '\u00a0'}
          </p>
        </div>
        <Link to="/studio/products/new" className="btn btn-primary" data-testid="new-product">
          New product
        </Link>
      </div>
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={reload} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading your products…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="products-empty">
          No products yet. Draft your first coffee, then submit it for review.
        </p>
      ) : null}
      {items.length > 0 ? (
        <Table responsive hover className="align-middle" aria-busy={load === 'loading'} data-testid="product-table">
          <thead>
            <tr>
              <th scope="col">Coffee</th>
              <th scope="col">Status</th>
              <th scope="col">On sale</th>
              <th scope="col">Price</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-testid="product-row" data-product-id={p.id}>
                <td>
                  <Link to={`/studio/products/${p.id}`} className="fw-semibold" data-testid="product-link">
                    {p.current.content.name || 'Untitled draft'}
                  </Link>
                  <div className="small text-muted">{originLabel(p.current.content.origin) || 'Origin not set'}</div>
                  {p.current.status === 'REJECTED' && p.current.rejectionReason ? (
                    <div className="small text-danger mt-1" data-testid="product-rejection-reason">
                      Reviewer: {p.current.rejectionReason}
                    </div>
                  ) : null}
                </td>
                <td>
                  <ProductStatusBadge product={p} testId="product-status" />
                  <div className="small text-muted">v{p.current.version}</div>
                </td>
                <td className="small" data-testid="product-on-sale">
                  {onSaleNote(p)}
                </td>
                <td className="text-nowrap">{priceRange(p)}</td>
                <td className="small text-muted text-nowrap">{formatDateTime(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <Pager page={page} pageCount={pageCount} onPage={(p) => setParams({ page: String(p) })} />
    </>
  );
}
