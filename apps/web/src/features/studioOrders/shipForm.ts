import type { ShipItemRequest } from '@roastery/contracts';

/** Carriers offered in the console; any other name up to 40 characters is accepted. */
export const KNOWN_CARRIERS = ['CJ대한통운', '한진택배', '롯데택배', '우체국택배', '로젠택배', '경동택배', 'CU편의점택배', 'GS Postbox'];

/** What the partner typed for one order. */
export interface ShipDraft {
  carrier: string;
  trackingNumber: string;
}

/** The field messages of one draft (empty when it can be sent), as the server checks it. */
export function shipDraftErrors(d: ShipDraft): Partial<Record<keyof ShipDraft, string>> {
  const errors: Partial<Record<keyof ShipDraft, string>> = {};
  const carrier = d.carrier.trim();
  if (carrier.length === 0 || carrier.length > 40) errors.carrier = 'Name a carrier (up to 40 characters).';
  if (!/^[A-Za-z0-9]{8,30}$/.test(d.trackingNumber.replace(/[\s-]/g, ''))) errors.trackingNumber = '8–30 letters or digits.';
  return errors;
}

/** The bulk ship items for the selected orders, or the ids whose drafts are not ready. */
export function toShipItems(selected: readonly string[], drafts: Readonly<Record<string, ShipDraft>>): { items: ShipItemRequest[]; invalid: string[] } {
  const invalid = selected.filter((id) => Object.keys(shipDraftErrors(drafts[id] ?? { carrier: '', trackingNumber: '' })).length > 0);
  const items = selected.map((orderId) => ({ orderId, carrier: drafts[orderId]?.carrier.trim() ?? '', trackingNumber: drafts[orderId]?.trackingNumber.trim() ?? '' }));
  return { items: invalid.length === 0 ? items : [], invalid };
}
