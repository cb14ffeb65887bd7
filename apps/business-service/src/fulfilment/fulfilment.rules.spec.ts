import { FULFILMENT_STATUSES, type FulfilmentStatus } from '@roastery/contracts';
import {
  decideCancellation,
  FULFILMENT_ACTIONS,
  type FulfilmentAction,
  needsShipTo,
  normaliseCarrier,
  normaliseTracking,
  refusePartnerRefund,
  roastDemand,
  shipByDate,
  transition,
} from './fulfilment.rules';

/** Every allowed transition, written out independently of TRANSITIONS; everything else is refused. */
const ALLOWED: ReadonlyArray<[FulfilmentStatus, FulfilmentAction, FulfilmentStatus]> = [
  ['PAID', 'PREPARE', 'PREPARING'],
  ['PAID', 'SHIP', 'SHIPPED'],
  ['PREPARING', 'SHIP', 'SHIPPED'],
  ['SHIPPED', 'DELIVER', 'DELIVERED'],
  ['PAID', 'CANCEL', 'CANCELLED'],
  ['PREPARING', 'CANCEL', 'CANCELLED'],
  ['DELIVERED', 'REQUEST_RETURN', 'RETURN_REQUESTED'],
  ['RETURN_REQUESTED', 'CONFIRM_RETURN', 'RETURNED'],
];

const allowedTo = (from: FulfilmentStatus, action: FulfilmentAction) => ALLOWED.find(([f, a]) => f === from && a === action)?.[2];
const everyPair = FULFILMENT_STATUSES.flatMap((from) => FULFILMENT_ACTIONS.map((action) => [from, action] as const));
const refusedPairs = everyPair.filter(([from, action]) => allowedTo(from, action) === undefined);

describe('partner order state machine (transition)', () => {
  it('covers 7 states × 6 actions: 8 allowed, 34 refused', () => {
    expect(everyPair).toHaveLength(42);
    expect(refusedPairs).toHaveLength(34);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  it.each(refusedPairs)('refuses %s --%s-->', (from, action) => {
    const outcome = transition(from, action);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain(from);
  });

  it('refuses a return request once the purchase is confirmed, and nothing else changes with confirmation', () => {
    expect(transition('DELIVERED', 'REQUEST_RETURN', { confirmed: true })).toEqual({ ok: false, message: 'the purchase was confirmed: it can no longer be returned' });
    for (const [from, action, to] of ALLOWED.filter(([, a]) => a !== 'REQUEST_RETURN')) expect(transition(from, action, { confirmed: true })).toEqual({ ok: true, to });
  });

  it('terminal states (CANCELLED, RETURNED) accept no action at all', () => {
    for (const from of ['CANCELLED', 'RETURNED'] as const) for (const action of FULFILMENT_ACTIONS) expect(transition(from, action).ok).toBe(false);
  });
});

describe('decideCancellation (all partner orders of one order)', () => {
  it('cancels when every part is PAID or PREPARING, listing those to cancel', () => {
    expect(decideCancellation(['PAID', 'PREPARING'])).toEqual({ outcome: 'CANCELLED', cancel: [0, 1] });
  });
  it('treats parts already cancelled as done (a repeated request answers CANCELLED again and cancels nothing more)', () => {
    expect(decideCancellation(['CANCELLED', 'PAID'])).toEqual({ outcome: 'CANCELLED', cancel: [1] });
    expect(decideCancellation(['CANCELLED', 'CANCELLED'])).toEqual({ outcome: 'CANCELLED', cancel: [] });
  });
  it.each(['SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED'] as const)('refuses the whole order when one part is %s', (s) => {
    const d = decideCancellation(['PAID', s]);
    expect(d.outcome).toBe('REFUSED');
    if (d.outcome === 'REFUSED') expect(d.reason).toMatch(/^already /);
  });
  it('says "already shipped" for a shipped part', () => {
    expect(decideCancellation(['SHIPPED'])).toEqual({ outcome: 'REFUSED', reason: 'already shipped' });
  });
});

describe('ship-to retention, shipment fields, ship-by date and partner refunds', () => {
  it('keeps the ship-to copy only while the parcel is on its way', () => {
    expect(FULFILMENT_STATUSES.filter(needsShipTo)).toEqual(['PAID', 'PREPARING', 'SHIPPED', 'RETURN_REQUESTED']);
  });

  it('accepts tracking numbers of 8–30 letters or digits (spaces and hyphens dropped)', () => {
    expect(normaliseTracking('6012-3456-7890')).toBe('601234567890');
    expect(normaliseTracking('ab12cd34')).toBe('AB12CD34');
    for (const bad of ['1234567', 'x'.repeat(31), '12345678!', '한글12345678', '']) expect(normaliseTracking(bad)).toBeNull();
  });

  it('accepts any carrier name of 1–40 characters', () => {
    expect(normaliseCarrier('  CJ대한통운 ')).toBe('CJ대한통운');
    expect(normaliseCarrier('   ')).toBeNull();
    expect(normaliseCarrier('x'.repeat(41))).toBeNull();
  });

  it('ships by the next business day after the paid date in Asia/Seoul', () => {
    // 2025-01-06 is a Monday. 23:30 UTC on Sunday the 5th is already Monday in Seoul.
    expect(shipByDate(new Date('2025-01-05T23:30:00Z'))).toBe('2025-01-07');
    expect(shipByDate(new Date('2025-01-05T14:00:00Z'))).toBe('2025-01-06'); // Sunday 23:00 in Seoul
    expect(shipByDate(new Date('2025-01-10T03:00:00Z'))).toBe('2025-01-13'); // Friday → Monday
    expect(shipByDate(new Date('2025-01-11T03:00:00Z'))).toBe('2025-01-13'); // Saturday → Monday
    expect(shipByDate(new Date('2025-01-08T03:00:00Z'))).toBe('2025-01-09'); // Wednesday → Thursday
  });

  it('lets a partner refund up to its limit and up to what is left of its lines', () => {
    const c = { amountWon: 10_000, limitWon: 50_000, linesPaidWon: 62_000, takenWon: 0 };
    expect(refusePartnerRefund(c)).toBeNull();
    expect(refusePartnerRefund({ ...c, amountWon: 50_000 })).toBeNull();
    expect(refusePartnerRefund({ ...c, amountWon: 50_001 })?.bound).toBe('LIMIT');
    expect(refusePartnerRefund({ ...c, takenWon: 55_000 })).toEqual({ bound: 'BALANCE', message: "at most 7000 won of this partner's lines is left to refund" });
    expect(refusePartnerRefund({ ...c, amountWon: 7_000, takenWon: 55_000 })).toBeNull();
  });
});

describe('roastDemand (what the unshipped orders need roasted)', () => {
  it('adds units and grams per option across orders, counts orders once, largest first', () => {
    const line = (partnerOrderId: string, optionId: string, quantity: number, weightGrams: number | null) => ({ partnerOrderId, optionId, productId: 'p', productName: 'Huila', optionLabel: `${optionId}`, weightGrams, quantity });
    expect(roastDemand([line('o1', 'a', 2, 200), line('o1', 'a', 1, 200), line('o2', 'a', 1, 200), line('o2', 'b', 1, 1000), line('o3', 'gone', 4, null)])).toEqual([
      expect.objectContaining({ optionId: 'b', units: 1, grams: 1000, orders: 1 }),
      expect.objectContaining({ optionId: 'a', units: 4, grams: 800, orders: 2 }),
      expect.objectContaining({ optionId: 'gone', units: 4, grams: null, orders: 1, weightGrams: null }),
    ]);
  });
});
