import { useEffect, useMemo } from 'react';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link, useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { selectSessionStatus } from '../auth/authSlice';
import { filtersFromSearchParams, filtersToSearchParams, hasFilters, type CatalogFilters } from './catalogQuery';
import { FilterBar } from './components/FilterBar';
import { ItemCard } from './components/ItemCard';
import { PopularStrip } from './components/PopularStrip';
import { catalogViewed, popularViewed, selectCatalogList, selectCatalogPageCount, selectPopular } from './storefrontSlice';
import { Pager } from '../../common/ui/Pager';

const PAGE_SIZE = 12;

function totalLabel(total: number, filtered: boolean): string {
  const noun = total === 1 ? 'coffee' : 'coffees';
  return filtered ? `${total} ${noun} ${total === 1 ? 'matches' : 'match'}` : `${total} ${noun}`;
}

/** /: the storefront, with search, filters, sorts, paging and the popular strip. The URL holds the filters. */
export function HomePage() {
  usePageTitle('Fresh coffee on your schedule');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(search)), [search]);
  const list = useAppSelector(selectCatalogList);
  const pageCount = useAppSelector(selectCatalogPageCount);
  const popular = useAppSelector(selectPopular);
  const signedIn = useAppSelector(selectSessionStatus) === 'authenticated';

  useEffect(() => {
    dispatch(catalogViewed({ filters, size: PAGE_SIZE }));
  }, [dispatch, filters]);

  const popularWindow = popular.window;
  useEffect(() => {
    dispatch(popularViewed({ window: popularWindow }));
  }, [dispatch, popularWindow]);

  const show = (next: CatalogFilters) => setParams(filtersToSearchParams(next));
  const reload = () => dispatch(catalogViewed({ filters, size: PAGE_SIZE }));
  const filtered = hasFilters(filters);
  // Re-created when the applied filters change (back/forward, clear), so its inputs follow the URL.
  const filterKey = filtersToSearchParams({ ...filters, page: 1 }).toString();

  return (
    <>
      <section className="hero rounded-4 px-4 py-4 my-4 text-white">
        <h1 className="h2 fw-semibold">Specialty coffee, delivered on your schedule</h1>
        <p className="mb-3 col-lg-8">Beans from the country&apos;s best independent roasters, freshly roasted and shipped when you want them.</p>
        <div className="d-flex flex-wrap gap-2">
          {signedIn ? (
            <Link to="/me" className="btn btn-light">
              Go to My page
            </Link>
          ) : (
            <>
              <Link to="/signup" className="btn btn-light" data-testid="home-signup">
                Create an account
              </Link>
              <Link to="/login" className="btn btn-outline-light" data-testid="home-login">
                Sign in
              </Link>
            </>
          )}
        </div>
      </section>

      {popular.load !== 'failed' && !filtered ? (
        <PopularStrip window={popular.window} items={popular.items} loading={popular.load === 'loading'} onWindowChange={(w) => dispatch(popularViewed({ window: w }))} />
      ) : null}

      <FilterBar key={filterKey} filters={filters} onChange={show} />

      <p className="text-muted small" aria-live="polite" data-testid="catalog-total">
        {list.load === 'loaded' ? totalLabel(list.total, filtered) : '\u00a0'}
      </p>
      {list.load === 'failed' ? <ProblemAlert problem={list.problem} onRetry={reload} /> : null}
      {list.load === 'loading' && list.items.length === 0 ? <PageSpinner label="Loading coffees…" /> : null}
      {list.load === 'loaded' && list.items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="catalog-empty">
          {filtered ? 'No coffee matches these filters.' : 'The first coffees are on their way.'}
        </p>
      ) : null}
      <Row xs={1} sm={2} lg={3} xl={4} className="g-3 mb-3" aria-busy={list.load === 'loading'} data-testid="catalog-grid">
        {list.items.map((item) => (
          <Col key={item.id}>
            <ItemCard item={item} />
          </Col>
        ))}
      </Row>
      <Pager page={filters.page} pageCount={pageCount} onPage={(p) => show({ ...filters, page: p })} testIdPrefix="catalog" />
      <p className="text-muted small mt-4">
        Are you a roaster? <Link to="/me/partner">Sell on Roastery</Link>.
      </p>
    </>
  );
}
