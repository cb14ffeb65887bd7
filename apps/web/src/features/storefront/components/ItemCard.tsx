import type { CatalogItemSummaryDto } from '@roastery/contracts';
import { useState } from 'react';
import Card from 'react-bootstrap/Card';
import { Link } from 'react-router-dom';
import { formatWon } from '../../../common/utils/format';
import { originLabel, roastLabel, StockBadge } from '../catalogLabels';

/** A partner's image URL, or a coffee-coloured placeholder when there is none or it fails to load. */
export function ItemImage({ url, alt, className }: { url: string | null; alt: string; className: string }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <div className={`item-card-placeholder d-flex align-items-center justify-content-center ${className}`} aria-hidden="true">
        ☕
      </div>
    );
  }
  return <img src={url} alt={alt} className={`item-card-img ${className}`} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}

/** One item in the storefront grid. */
export function ItemCard({ item }: { item: CatalogItemSummaryDto }) {
  return (
    <Card as="article" className="h-100 shadow-sm border-0" data-testid="catalog-item" data-item-id={item.id}>
      <ItemImage url={item.imageUrl} alt="" className="card-img-top" />
      <Card.Body className="d-flex flex-column">
        <p className="small text-muted mb-1">{item.partner.name}</p>
        <h2 className="h6 mb-1">
          <Link to={`/items/${item.id}`} className="stretched-link text-decoration-none text-body" data-testid="catalog-item-link">
            {item.name}
          </Link>
        </h2>
        <p className="small text-muted mb-2">
          {[originLabel(item.origin), item.process, item.roastLevel ? roastLabel(item.roastLevel) : ''].filter(Boolean).join(' · ')}
        </p>
        {item.tastingNotes.length > 0 ? <p className="small mb-2">{item.tastingNotes.slice(0, 4).join(', ')}</p> : null}
        <div className="mt-auto d-flex justify-content-between align-items-center">
          <span className="fw-semibold" data-testid="catalog-item-price">
            from {formatWon(item.priceFrom)}
          </span>
          <StockBadge status={item.stockStatus} />
        </div>
      </Card.Body>
    </Card>
  );
}
