import type { EventDefinition } from './define-event';
import { billingRunProgressed, billingRunRequested } from './billing-run';
import { catalogItemPublished, catalogItemWithdrawn } from './catalog-item';
import { partnerActivated, partnerReinstated, partnerSuspended } from './partner';
import { partnerApplicationApproved, partnerApplicationRejected, partnerApplicationSubmitted } from './partner-application';
import { orderBatchPaid, orderPaid } from './order';
import { fulfilmentStatusChanged, orderCancellationDecided, orderCancellationRequested, orderPurchaseConfirmed, orderReturnRequested } from './fulfilment';
import { refundCompleted, refundRefused, refundRequested } from './refund';
import { orderBatchPlaced, orderVoided, stockBatchReserved } from './stock';
import { productMerged, productStockChanged, productVersionApproved, productVersionRejected, productVersionSubmitted, productWithdrawn } from './product';
import { userDeleted, userRegistered } from './user';

export * from './billing-run';
export * from './catalog-item';
export * from './define-event';
export * from './fulfilment';
export * from './refund';
export * from './order';
export * from './partner';
export * from './partner-application';
export * from './product';
export * from './stock';
export * from './user';

/** The one catalogue of event types on the bus. A new event is added here and nowhere else. */
export const eventCatalogue = [
  userRegistered,
  userDeleted,
  partnerApplicationSubmitted,
  partnerApplicationApproved,
  partnerApplicationRejected,
  partnerActivated,
  partnerSuspended,
  partnerReinstated,
  productVersionSubmitted,
  productVersionApproved,
  productVersionRejected,
  productMerged,
  productWithdrawn,
  productStockChanged,
  catalogItemPublished,
  catalogItemWithdrawn,
  orderPaid,
  orderBatchPaid,
  orderBatchPlaced,
  stockBatchReserved,
  orderVoided,
  fulfilmentStatusChanged,
  orderCancellationRequested,
  orderCancellationDecided,
  orderReturnRequested,
  orderPurchaseConfirmed,
  refundRequested,
  refundCompleted,
  refundRefused,
  billingRunRequested,
  billingRunProgressed,
] as const satisfies readonly EventDefinition[];

export type EventType = (typeof eventCatalogue)[number]['type'];

const byType = new Map<string, EventDefinition>(eventCatalogue.map((d) => [d.type, d]));

/** Finds the definition of an event type, or undefined for a type this build does not know. */
export function findEvent(type: string): EventDefinition | undefined {
  return byType.get(type);
}
