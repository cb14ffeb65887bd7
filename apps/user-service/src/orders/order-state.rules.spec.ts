import type { FulfilmentStatus } from '@roastery/contracts';
import { actionsOf, aggregateFulfilment, type OrderAction, type OrderFacts, orderState, refusal } from './order-state.rules';

const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  status: 'PAID',
  fulfilment: 'PAID',
  cancelled: false,
  confirmed: false,
  openCancel: false,
  openReturn: false,
  ...over,
});

const FULFILMENT: FulfilmentStatus[] = ['PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURNED'];

describe('the subscriber-side order state machine', () => {
  describe('which subscriber actions each fulfilment status allows (every other one refused)', () => {
    const allowed: Record<OrderAction, FulfilmentStatus[]> = {
      cancel: ['PAID', 'PREPARING'],
      return: ['DELIVERED'],
      confirm: ['DELIVERED'],
    };
    for (const action of ['cancel', 'return', 'confirm'] as const) {
      it.each(FULFILMENT)(`${action} when the fulfilment is %s`, (fulfilment) => {
        const answer = refusal(action, facts({ fulfilment }));
        if (allowed[action].includes(fulfilment)) expect(answer).toBeNull();
        else expect(answer).toEqual(expect.any(String));
      });
    }
  });

  it.each([
    ['an unpaid order', { status: 'PAYMENT_FAILED' }],
    ['a cancelled order', { cancelled: true, fulfilment: 'DELIVERED' as const }],
    ['a confirmed purchase', { confirmed: true, fulfilment: 'DELIVERED' as const }],
  ])('refuses every action on %s', (_what, over) => {
    for (const action of ['cancel', 'return', 'confirm'] as const) expect(refusal(action, facts(over))).toEqual(expect.any(String));
  });

  it('refuses a second cancel while one is being decided, and a confirm or second return while a return is open', () => {
    expect(refusal('cancel', facts({ openCancel: true }))).toMatch(/already/);
    expect(refusal('return', facts({ fulfilment: 'DELIVERED', openReturn: true }))).toMatch(/already/);
    expect(refusal('confirm', facts({ fulfilment: 'DELIVERED', openReturn: true }))).toMatch(/return/);
  });

  it('names the state: cancelled and confirmed win over fulfilment; an open return on a delivered order is RETURN_REQUESTED', () => {
    expect(orderState(facts({ cancelled: true, fulfilment: 'SHIPPED' }))).toBe('CANCELLED');
    expect(orderState(facts({ confirmed: true, fulfilment: 'DELIVERED' }))).toBe('PURCHASE_CONFIRMED');
    expect(orderState(facts({ fulfilment: 'DELIVERED', openReturn: true }))).toBe('RETURN_REQUESTED');
    expect(orderState(facts({ fulfilment: 'SHIPPED' }))).toBe('SHIPPED');
    expect(actionsOf(facts({ fulfilment: 'DELIVERED' }))).toEqual({ canCancel: false, canReturn: true, canConfirm: true });
  });

  it('adds partner parts up as far as the slowest live part goes', () => {
    expect(aggregateFulfilment(['a', 'b'], [{ partnerId: 'a', status: 'SHIPPED' }])).toBe('PAID');
    expect(aggregateFulfilment(['a', 'b'], [{ partnerId: 'a', status: 'SHIPPED' }, { partnerId: 'b', status: 'DELIVERED' }])).toBe('SHIPPED');
    expect(aggregateFulfilment(['a', 'b'], [{ partnerId: 'a', status: 'CANCELLED' }, { partnerId: 'b', status: 'DELIVERED' }])).toBe('DELIVERED');
    expect(aggregateFulfilment(['a', 'b'], [{ partnerId: 'a', status: 'CANCELLED' }, { partnerId: 'b', status: 'CANCELLED' }])).toBe('CANCELLED');
    expect(aggregateFulfilment(['a', 'b'], [{ partnerId: 'a', status: 'RETURN_REQUESTED' }, { partnerId: 'b', status: 'PAID' }])).toBe('RETURN_REQUESTED');
    expect(aggregateFulfilment([], [])).toBe('PAID');
  });
});
