import { CATALOG_SORTS, ROAST_LEVELS, type RoastLevel } from '@roastery/contracts';
import { useState, type FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import InputGroup from 'react-bootstrap/InputGroup';
import Row from 'react-bootstrap/Row';
import { ROAST_LABELS } from '../catalogLabels';
import { hasFilters, type CatalogFilters, type CatalogSort } from '../catalogQuery';

const SORT_LABELS: Record<CatalogSort, string> = {
  popular: 'Most popular',
  new: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

interface FilterBarProps {
  filters: CatalogFilters;
  /** Called with the new filters (back on page 1); the page puts them in the URL. */
  onChange: (filters: CatalogFilters) => void;
}

function toPrice(text: string): number | undefined {
  const n = Number(text.replace(/[,\s₩원]/g, ''));
  return text.trim() === '' || !Number.isInteger(n) || n < 0 ? undefined : n;
}

/**
 * Search, roast level, origin, price range and sort. Text fields apply on submit (Enter or the
 * button); the selects apply at once.
 */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const [q, setQ] = useState(filters.q ?? '');
  const [origin, setOrigin] = useState(filters.origin ?? '');
  const [minPrice, setMinPrice] = useState(filters.minPrice?.toString() ?? '');
  const [maxPrice, setMaxPrice] = useState(filters.maxPrice?.toString() ?? '');

  const apply = (patch: Partial<CatalogFilters>) => onChange({ ...filters, ...patch, page: 1 });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: q.trim() || undefined, origin: origin.trim() || undefined, minPrice: toPrice(minPrice), maxPrice: toPrice(maxPrice) });
  };

  const clear = () => {
    setQ('');
    setOrigin('');
    setMinPrice('');
    setMaxPrice('');
    onChange({ sort: filters.sort, page: 1 });
  };

  return (
    <Form onSubmit={onSubmit} role="search" aria-label="Catalog" className="mb-3" data-testid="catalog-filters">
      <InputGroup className="mb-2">
        <Form.Control
          type="search"
          placeholder="Search coffees, roasters, origins — 예: 예가체프, 게이샤"
          aria-label="Search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={100}
          data-testid="catalog-search"
        />
        <Button type="submit" variant="dark" data-testid="catalog-search-submit">
          Search
        </Button>
      </InputGroup>
      <Row className="g-2 align-items-end">
        <Col xs={6} md={2}>
          <Form.Group controlId="filter-roast">
            <Form.Label className="small mb-1">Roast</Form.Label>
            <Form.Select
              size="sm"
              value={filters.roast ?? ''}
              onChange={(e) => apply({ roast: (e.target.value || undefined) as RoastLevel | undefined })}
              data-testid="filter-roast"
            >
              <option value="">Any roast</option>
              {ROAST_LEVELS.map((r) => (
                <option key={r} value={r}>
                  {ROAST_LABELS[r]}
                </option>
              ))}
            </Form.Select>
          </Form.Group>
        </Col>
        <Col xs={6} md={3}>
          <Form.Group controlId="filter-origin">
            <Form.Label className="small mb-1">Origin</Form.Label>
            <Form.Control size="sm" placeholder="e.g. Ethiopia" value={origin} onChange={(e) => setOrigin(e.target.value)} maxLength={60} data-testid="filter-origin" />
          </Form.Group>
        </Col>
        <Col xs={6} md={2}>
          <Form.Group controlId="filter-min-price">
            <Form.Label className="small mb-1">Min price (₩)</Form.Label>
            <Form.Control size="sm" inputMode="numeric" value={minPrice} onChange={(e) => setMinPrice(e.target.value)} data-testid="filter-min-price" />
          </Form.Group>
        </Col>
        <Col xs={6} md={2}>
          <Form.Group controlId="filter-max-price">
            <Form.Label className="small mb-1">Max price (₩)</Form.Label>
            <Form.Control size="sm" inputMode="numeric" value={maxPrice} onChange={(e) => setMaxPrice(e.target.value)} data-testid="filter-max-price" />
          </Form.Group>
        </Col>
        <Col xs={12} md={3}>
          <Form.Group controlId="filter-sort">
            <Form.Label className="small mb-1">Sort</Form.Label>
            <Form.Select size="sm" value={filters.sort} onChange={(e) => apply({ sort: e.target.value as CatalogSort })} data-testid="filter-sort">
              {CATALOG_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </Form.Select>
          </Form.Group>
        </Col>
      </Row>
      <div className="d-flex gap-2 mt-2">
        <Button type="submit" size="sm" variant="outline-dark" data-testid="filter-apply">
          Apply filters
        </Button>
        {hasFilters(filters) ? (
          <Button size="sm" variant="link" onClick={clear} data-testid="filter-clear">
            Clear filters
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
