import type { PartnerProductDto, ProductStatus, VersionStatus } from '@roastery/contracts';
import Badge from 'react-bootstrap/Badge';

const VERSION: Record<VersionStatus, { label: string; bg: string; dark?: boolean }> = {
  DRAFT: { label: 'Draft', bg: 'light', dark: true },
  IN_REVIEW: { label: 'In review', bg: 'warning', dark: true },
  APPROVED: { label: 'Approved', bg: 'success' },
  REJECTED: { label: 'Rejected', bg: 'danger' },
  SUPERSEDED: { label: 'Superseded', bg: 'secondary' },
};

const PRODUCT: Partial<Record<ProductStatus, { label: string; bg: string }>> = {
  WITHDRAWN: { label: 'Withdrawn', bg: 'secondary' },
  MERGED: { label: 'Merged', bg: 'info' },
};

/**
 * Where a product stands: a withdrawn or merged product says so; otherwise the working version's
 * status. `data-status` carries the machine value.
 */
export function ProductStatusBadge({ product, testId }: { product: PartnerProductDto; testId?: string }) {
  const closed = PRODUCT[product.status];
  if (closed) {
    return (
      <Badge bg={closed.bg} data-testid={testId} data-status={product.status}>
        {closed.label}
      </Badge>
    );
  }
  const v = VERSION[product.current.status];
  return (
    <Badge bg={v.bg} text={v.dark ? 'dark' : undefined} className={v.bg === 'light' ? 'border' : undefined} data-testid={testId} data-status={product.current.status}>
      {v.label}
    </Badge>
  );
}

/**
 * One line on what subscribers see: the approved version stays on sale while the next one is
 * drafted or reviewed.
 */
export function onSaleNote(product: PartnerProductDto): string {
  const { onSaleVersion, current, status } = product;
  if (status === 'WITHDRAWN') return 'Withdrawn: not on sale.';
  if (status === 'MERGED') return 'Merged into another of your products.';
  if (onSaleVersion === null) return current.status === 'IN_REVIEW' ? 'Not on sale yet: waiting for review.' : 'Not on sale yet.';
  if (onSaleVersion === current.version) return `Version ${onSaleVersion} is on sale.`;
  const next = current.status === 'IN_REVIEW' ? 'is in review' : current.status === 'REJECTED' ? 'was rejected' : 'is a draft';
  return `Version ${onSaleVersion} stays on sale while version ${current.version} ${next}.`;
}
