import type { Grind, RoastLevel, StockStatus } from '@roastery/contracts';
import Badge from 'react-bootstrap/Badge';

/**
 * Words for the catalog's machine values, shared by the storefront, the studio and the
 * backoffice so a roast level reads the same everywhere.
 */
export const ROAST_LABELS: Record<RoastLevel, string> = {
  LIGHT: 'Light',
  MEDIUM_LIGHT: 'Medium-light',
  MEDIUM: 'Medium',
  MEDIUM_DARK: 'Medium-dark',
  DARK: 'Dark',
};

export const GRIND_LABELS: Record<Grind, string> = {
  WHOLE_BEAN: 'Whole bean',
  ESPRESSO: 'Espresso grind',
  FILTER: 'Filter grind',
};

const STOCK: Record<StockStatus, { label: string; bg: string }> = {
  IN_STOCK: { label: 'In stock', bg: 'success' },
  LOW: { label: 'Low stock', bg: 'warning' },
  SOLD_OUT: { label: 'Sold out', bg: 'secondary' },
};

/** `200 g`, `1 kg`, `1.5 kg`. */
export function weightLabel(grams: number): string {
  return grams >= 1000 ? `${grams / 1000} kg` : `${grams} g`;
}

export function roastLabel(level: RoastLevel | null): string {
  return level ? ROAST_LABELS[level] : 'Roast not set';
}

/** `Ethiopia · Yirgacheffe`, or just the country. */
export function originLabel(origin: { country: string; region: string }): string {
  return [origin.country, origin.region].filter((s) => s.trim()).join(' · ');
}

/** In stock / low / sold out; `data-stock` carries the machine value. */
export function StockBadge({ status, testId }: { status: StockStatus; testId?: string }) {
  return (
    <Badge bg={STOCK[status].bg} text={status === 'LOW' ? 'dark' : undefined} data-stock={status} data-testid={testId}>
      {STOCK[status].label}
    </Badge>
  );
}
