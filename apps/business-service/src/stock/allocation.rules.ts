/** Why an order's reservation was refused (stock.batch.reserved's reasons). */
export type RefusalReason = 'OUT_OF_STOCK' | 'UNKNOWN_OPTION' | 'PRODUCT_UNAVAILABLE' | 'ORDER_VOIDED';

/** One line of an order to reserve. */
export interface AllocationLine {
  lineId: string;
  optionId: string;
  quantity: number;
}

/** One order of a batch, in batch order. */
export interface AllocationOrder {
  orderId: string;
  lines: AllocationLine[];
}

/** An option row as locked for the batch: what is free to reserve and whether it may be sold at all. */
export interface LockedOption {
  id: string;
  /** on hand − held, before this batch. */
  available: number;
  sellable: boolean;
}

/** What was decided for one order. */
export type OrderDecision =
  | { orderId: string; outcome: 'RESERVED' }
  | { orderId: string; outcome: 'REFUSED'; reason: RefusalReason; lines: Array<{ optionId: string; requested: number; available: number }> };

/** The batch's decisions plus what they hold per option (only options that gained holds). */
export interface Allocation {
  decisions: OrderDecision[];
  /** Newly decided RESERVED orders with their lines, in batch order. */
  reserved: AllocationOrder[];
  /** Units newly held per option id. */
  heldByOption: Map<string, number>;
}

/**
 * Decides a batch over rows already locked: orders are taken in batch order, each wholly or not at
 * all, so an earlier order in the batch has first claim on the last units. An order already decided
 * (`prior`, e.g. the same batch re-sent under a new message id, or an order repeated within the
 * batch) keeps its earlier decision and holds nothing more. Refusal reasons are checked per order in
 * this precedence: an unknown option, then an option that may not be sold, then missing stock.
 */
export function allocate(orders: readonly AllocationOrder[], options: ReadonlyMap<string, LockedOption>, prior: ReadonlyMap<string, OrderDecision> = new Map()): Allocation {
  const remaining = new Map([...options.values()].map((o) => [o.id, o.available]));
  const decided = new Map(prior);
  const decisions: OrderDecision[] = [];
  const reserved: AllocationOrder[] = [];
  const heldByOption = new Map<string, number>();

  for (const order of orders) {
    const earlier = decided.get(order.orderId);
    if (earlier) {
      decisions.push(earlier);
      continue;
    }
    const decision = decide(order, options, remaining);
    decided.set(order.orderId, decision);
    decisions.push(decision);
    if (decision.outcome !== 'RESERVED') continue;
    reserved.push(order);
    for (const line of order.lines) {
      remaining.set(line.optionId, (remaining.get(line.optionId) ?? 0) - line.quantity);
      heldByOption.set(line.optionId, (heldByOption.get(line.optionId) ?? 0) + line.quantity);
    }
  }
  return { decisions, reserved, heldByOption };
}

function decide(order: AllocationOrder, options: ReadonlyMap<string, LockedOption>, remaining: ReadonlyMap<string, number>): OrderDecision {
  const refuse = (reason: RefusalReason, lines: AllocationLine[]): OrderDecision => ({
    orderId: order.orderId,
    outcome: 'REFUSED',
    reason,
    lines: lines.map((l) => ({ optionId: l.optionId, requested: l.quantity, available: Math.max(0, remaining.get(l.optionId) ?? 0) })),
  });

  const unknown = order.lines.filter((l) => !options.has(l.optionId));
  if (unknown.length > 0) return refuse('UNKNOWN_OPTION', unknown);
  const unsellable = order.lines.filter((l) => !options.get(l.optionId)?.sellable);
  if (unsellable.length > 0) return refuse('PRODUCT_UNAVAILABLE', unsellable);

  // Two lines of one order may name the same option: they draw on the same units.
  const wanted = new Map<string, number>();
  for (const l of order.lines) wanted.set(l.optionId, (wanted.get(l.optionId) ?? 0) + l.quantity);
  const short = order.lines.filter((l) => (wanted.get(l.optionId) ?? 0) > (remaining.get(l.optionId) ?? 0));
  if (short.length > 0) return refuse('OUT_OF_STOCK', short);
  return { orderId: order.orderId, outcome: 'RESERVED' };
}
