import type { CatalogMasterEntryDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { formatDateTime } from '../../common/utils/format';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { catalogMasterViewed, selectCatalogMaster, selectCatalogMasterPageCount } from './adminCatalogSlice';
import { Pager } from '../../common/ui/Pager';

const PAGE_SIZE = 20;

/** /backoffice/catalog: the catalog master, one row per catalog item, with its merge history. */
export function AdminCatalogPage() {
  usePageTitle('Catalog master');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { load, problem, items, total } = useAppSelector(selectCatalogMaster);
  const pageCount = useAppSelector(selectCatalogMasterPageCount);
  const reload = () => dispatch(catalogMasterViewed({ page, size: PAGE_SIZE }));

  useEffect(() => {
    dispatch(catalogMasterViewed({ page, size: PAGE_SIZE }));
  }, [dispatch, page]);

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1">Catalog master</h1>
          <p className="text-muted mb-0" aria-live="polite">
            {load === 'loaded' ? `${total} catalog ${total === 1 ? 'item' : 'items'}` : '\u00a0'}
          </p>
        </div>
        <Button variant="outline-secondary" size="sm" onClick={reload} disabled={load === 'loading'} data-testid="catalog-master-reload">
          Reload
        </Button>
      </div>
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={reload} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading the catalog…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="catalog-master-empty">
          No approved products yet.
        </p>
      ) : null}
      {items.length > 0 ? (
        <Table responsive className="align-middle small" aria-busy={load === 'loading'} data-testid="catalog-master-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Partner</th>
              <th scope="col">On sale</th>
              <th scope="col">Versions</th>
              <th scope="col">Lot key</th>
              <th scope="col">Merge history</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <CatalogRow key={e.catalogItemId} entry={e} />
            ))}
          </tbody>
        </Table>
      ) : null}
      <Pager page={page} pageCount={pageCount} onPage={(p) => setParams({ page: String(p) })} />
    </>
  );
}

function CatalogRow({ entry: e }: { entry: CatalogMasterEntryDto }) {
  return (
    <tr data-testid="catalog-master-row" data-catalog-item-id={e.catalogItemId} data-product-id={e.productId}>
      <td>
        <Link to={`/items/${e.catalogItemId}`} className="fw-semibold">
          {e.name}
        </Link>
        <div className="text-muted">
          product <code>{e.productId}</code>
        </div>
      </td>
      <td>
        {e.partner.name}
        {e.partner.status === 'SUSPENDED' ? (
          <Badge bg="danger" className="ms-1">
            Suspended
          </Badge>
        ) : null}
      </td>
      <td>
        <Badge bg={e.onSale ? 'success' : 'secondary'} data-testid="catalog-master-on-sale" data-on-sale={String(e.onSale)}>
          {e.onSale ? 'On sale' : 'Off sale'}
        </Badge>
      </td>
      <td className="text-nowrap">
        item v{e.itemVersion} · product v{e.productVersion}
      </td>
      <td>
        <code className="text-break">{e.lotKey}</code>
      </td>
      <td>
        {e.mergeHistory.length === 0 ? (
          <span className="text-muted">—</span>
        ) : (
          <ul className="list-unstyled mb-0" data-testid="merge-history">
            {e.mergeHistory.map((m) => (
              <li key={`${m.sourceProductId}-${m.mergedAt}`}>
                <code>{m.sourceProductId}</code> merged {formatDateTime(m.mergedAt)} by {m.by}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="text-nowrap text-muted">{formatDateTime(e.updatedAt)}</td>
    </tr>
  );
}
