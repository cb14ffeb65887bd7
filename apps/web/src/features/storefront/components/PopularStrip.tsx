import type { PopularItemsDto } from '@roastery/contracts';
import ToggleButton from 'react-bootstrap/ToggleButton';
import ToggleButtonGroup from 'react-bootstrap/ToggleButtonGroup';
import { Link } from 'react-router-dom';
import { formatWon } from '../../../common/utils/format';
import type { PopularWindow } from '../storefrontApi';

interface PopularStripProps {
  window: PopularWindow;
  items: PopularItemsDto['items'];
  loading: boolean;
  onWindowChange: (window: PopularWindow) => void;
}

/** The day / week ranking above the catalog. Before any order it still lists items (with zero scores). */
export function PopularStrip({ window, items, loading, onWindowChange }: PopularStripProps) {
  return (
    <section aria-labelledby="popular-heading" className="mb-4" data-testid="popular-strip">
      <div className="d-flex justify-content-between align-items-center mb-2">
        <h2 id="popular-heading" className="h5 mb-0">
          Popular this {window}
        </h2>
        <ToggleButtonGroup type="radio" name="popular-window" size="sm" value={window} onChange={(v: PopularWindow) => onWindowChange(v)}>
          <ToggleButton id="popular-day" value="day" variant="outline-secondary" data-testid="popular-day">
            Today
          </ToggleButton>
          <ToggleButton id="popular-week" value="week" variant="outline-secondary" data-testid="popular-week">
            This week
          </ToggleButton>
        </ToggleButtonGroup>
      </div>
      {items.length === 0 ? (
        <p className="small text-muted mb-0">{loading ? 'Loading the ranking…' : 'No ranking yet.'}</p>
      ) : (
        <ol className="list-unstyled d-flex gap-2 overflow-auto pb-2 mb-0" aria-busy={loading}>
          {items.map((item) => (
            <li key={item.id} className="flex-shrink-0" style={{ width: '14rem' }} data-testid="popular-item">
              <Link to={`/items/${item.id}`} className="card h-100 text-decoration-none text-body shadow-sm border-0 p-2">
                <span className="badge text-bg-dark align-self-start mb-1">#{item.rank}</span>
                <span className="fw-semibold small">{item.name}</span>
                <span className="small text-muted">{item.partner.name}</span>
                <span className="small mt-1">from {formatWon(item.priceFrom)}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
