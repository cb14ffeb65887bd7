import type { CatalogItemDetailDto } from '@roastery/contracts';
import { Fragment, useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import Table from 'react-bootstrap/Table';
import { Link, useParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { formatWon } from '../../common/utils/format';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { SubscribePanel } from '../subscriptions/components/SubscribePanel';
import { GRIND_LABELS, originLabel, roastLabel, StockBadge, weightLabel } from './catalogLabels';
import { ItemImage } from './components/ItemCard';
import { itemPageOpened, selectItemDetail } from './storefrontSlice';

/** /items/:id: one coffee with its options, the roaster, and other roasters of the same lot. */
export function ItemPage() {
  const { id = '' } = useParams();
  const dispatch = useAppDispatch();
  const { load, problem, item } = useAppSelector(selectItemDetail);
  usePageTitle(item?.name ?? 'Coffee');

  useEffect(() => {
    dispatch(itemPageOpened({ id }));
  }, [dispatch, id]);

  return (
    <>
      <p className="my-3">
        <Link to="/">← All coffees</Link>
      </p>
      {load === 'loading' && !item ? <PageSpinner label="Loading the coffee…" /> : null}
      {load === 'failed' ? (
        <ProblemAlert problem={problem} messages={{ NOT_FOUND: 'This coffee is not in the shop (any more).' }} onRetry={() => dispatch(itemPageOpened({ id }))} />
      ) : null}
      {item ? <ItemDetail item={item} /> : null}
    </>
  );
}

function ItemDetail({ item }: { item: CatalogItemDetailDto }) {
  const facts: [string, string][] = [
    ['Origin', originLabel(item.origin)],
    ['Farm or producer', item.producer],
    ['Lot', item.lot],
    ['Variety', item.variety],
    ['Process', item.process],
    ['Roast', item.roastLevel ? roastLabel(item.roastLevel) : ''],
  ];
  return (
    <article aria-labelledby="item-name" data-testid="item-detail" data-item-id={item.id} data-version={item.version}>
      <Row className="g-4">
        <Col md={5}>
          <ItemImage url={item.imageUrls[0] ?? item.imageUrl} alt={item.name} className="w-100 rounded-3" />
          {item.imageUrls.length > 1 ? (
            <div className="d-flex gap-2 mt-2">
              {item.imageUrls.slice(1, 5).map((url) => (
                <ItemImage key={url} url={url} alt="" className="rounded w-25" />
              ))}
            </div>
          ) : null}
        </Col>
        <Col md={7}>
          <p className="text-muted mb-1" data-testid="item-roaster">
            Roasted by <strong>{item.partner.name}</strong>
          </p>
          <h1 id="item-name" className="h2" data-testid="item-name">
            {item.name}
          </h1>
          {item.tastingNotes.length > 0 ? (
            <p className="d-flex flex-wrap gap-1" aria-label="Tasting notes">
              {item.tastingNotes.map((n) => (
                <Badge key={n} bg="light" text="dark" className="border fw-normal">
                  {n}
                </Badge>
              ))}
            </p>
          ) : null}
          <dl className="row small mb-3">
            {facts
              .filter(([, v]) => v.trim())
              .map(([k, v]) => (
                <Fragment key={k}>
                  <dt className="col-sm-4">{k}</dt>
                  <dd className="col-sm-8">{v}</dd>
                </Fragment>
              ))}
          </dl>
          <h2 className="h6">Options</h2>
          <Table size="sm" className="align-middle" data-testid="item-options">
            <thead>
              <tr>
                <th scope="col">Weight</th>
                <th scope="col">Grind</th>
                <th scope="col" className="text-end">
                  Price
                </th>
                <th scope="col">Stock</th>
              </tr>
            </thead>
            <tbody>
              {item.options.map((o) => (
                <tr key={o.id} data-testid="item-option" data-option-id={o.id}>
                  <td>{weightLabel(o.weightGrams)}</td>
                  <td>{GRIND_LABELS[o.grind]}</td>
                  <td className="text-end fw-semibold" data-testid="item-option-price">
                    {formatWon(o.priceWon)}
                  </td>
                  <td>
                    <StockBadge status={o.stockStatus} testId="item-option-stock" />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <SubscribePanel item={item} />
          {item.description ? (
            <p className="pre-wrap" data-testid="item-description">
              {item.description}
            </p>
          ) : null}
        </Col>
      </Row>
      {item.alsoRoastedBy.length > 0 ? (
        <section aria-labelledby="also-heading" className="mt-4" data-testid="also-roasted-by">
          <h2 id="also-heading" className="h5">
            Also roasted by
          </h2>
          <p className="small text-muted">The same lot, from other roasters.</p>
          <ul className="list-unstyled d-flex flex-wrap gap-2">
            {item.alsoRoastedBy.map((other) => (
              <li key={other.id}>
                <Link to={`/items/${other.id}`} className="btn btn-outline-secondary btn-sm">
                  {other.partner.name} — {other.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
