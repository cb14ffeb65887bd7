/*
 * The subscriber-side state machine after payment (docs/orders/order-states.md), pure: how the
 * partner parts add up to the order's fulfilment status, which state the order is in, and which
 * actions are open. business-service decides the fulfilment steps; these rules only read them.
 */
import type { FulfilmentStatus, OrderState } from '@roastery/contracts';

/** Progress of a partner part, for "the order is as far as its slowest part". */
const PROGRESS: Record<FulfilmentStatus, number> = { PAID: 0, PREPARING: 1, SHIPPED: 2, DELIVERED: 3, RETURN_REQUESTED: 4, RETURNED: 5, CANCELLED: -1 };

/**
 * The order's fulfilment status from its partners' parts (a partner not heard of yet counts as
 * PAID): CANCELLED when every part is; otherwise the least advanced part among those not
 * cancelled, except that a return requested on any part shows as RETURN_REQUESTED.
 */
export function aggregateFulfilment(partnerIds: readonly string[], parts: readonly { partnerId: string; status: FulfilmentStatus }[]): FulfilmentStatus {
  const byPartner = new Map<string, FulfilmentStatus>();
  for (const id of partnerIds) byPartner.set(id, 'PAID');
  for (const p of parts) byPartner.set(p.partnerId, p.status);
  const statuses = [...byPartner.values()];
  if (statuses.length === 0) return 'PAID';
  const live = statuses.filter((s) => s !== 'CANCELLED');
  if (live.length === 0) return 'CANCELLED';
  if (live.includes('RETURN_REQUESTED')) return 'RETURN_REQUESTED';
  return live.reduce((min, s) => (PROGRESS[s] < PROGRESS[min] ? s : min));
}

/** What the rules need to know about an order. */
export interface OrderFacts {
  /** The payment side's status (only PAID orders have an after-sale life). */
  status: string;
  fulfilment: FulfilmentStatus;
  cancelled: boolean;
  confirmed: boolean;
  openCancel: boolean;
  openReturn: boolean;
}

/** The order's state in the machine of docs/orders/order-states.md. */
export function orderState(o: OrderFacts): OrderState {
  if (o.cancelled) return 'CANCELLED';
  if (o.confirmed) return 'PURCHASE_CONFIRMED';
  if (o.openReturn && o.fulfilment === 'DELIVERED') return 'RETURN_REQUESTED';
  return o.fulfilment;
}

export type OrderAction = 'cancel' | 'return' | 'confirm';

/** Why an action is refused (answered 409 INVALID_STATE), or null when it is allowed. */
export function refusal(action: OrderAction, o: OrderFacts): string | null {
  if (o.status !== 'PAID') return 'the order is not paid';
  if (o.cancelled) return 'the order is cancelled';
  if (o.confirmed) return 'the purchase is already confirmed';
  switch (action) {
    case 'cancel':
      if (o.openCancel) return 'a cancellation is already being decided';
      // Once shipped, the roaster's side would refuse: return after delivery instead.
      if (o.fulfilment !== 'PAID' && o.fulfilment !== 'PREPARING') return `the order is ${o.fulfilment.toLowerCase()}; it can no longer be cancelled`;
      return null;
    case 'return':
      if (o.openReturn) return 'a return is already requested';
      if (o.fulfilment !== 'DELIVERED') return 'a return can be requested only after delivery';
      return null;
    case 'confirm':
      if (o.openReturn) return 'a return is requested';
      if (o.fulfilment !== 'DELIVERED') return 'purchase can be confirmed only after delivery';
      return null;
  }
}

/** The actions open to the subscriber now. */
export function actionsOf(o: OrderFacts): { canCancel: boolean; canReturn: boolean; canConfirm: boolean } {
  return { canCancel: refusal('cancel', o) === null, canReturn: refusal('return', o) === null, canConfirm: refusal('confirm', o) === null };
}
