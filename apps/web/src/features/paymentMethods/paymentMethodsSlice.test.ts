import { aProblem } from '../../test/fixtures';
import { aCard } from '../../test/myPageFixtures';
import {
  billingAuthFailed,
  billingAuthReturned,
  billingWindowFailed,
  cardDeleted,
  cardRegistered,
  cardRegistrationClicked,
  cardRegistrationFailed,
  defaultCardChanged,
  defaultCardChosen,
  initialPaymentMethodsState,
  paymentMethodsLoaded,
  paymentMethodsPageOpened,
  paymentMethodsSlice,
  registrationNoticeDismissed,
} from './paymentMethodsSlice';

const reduce = paymentMethodsSlice.reducer;
const first = aCard();
const second = aCard({ id: 'card-2', cardCompany: 'KB국민', maskedNumber: '94901312****789*', isDefault: false, createdAt: '2025-11-21T09:00:00.000Z' });
const loaded = (items = [first]) => reduce(reduce(initialPaymentMethodsState, paymentMethodsPageOpened(undefined)), paymentMethodsLoaded(items));

describe('paymentMethodsSlice', () => {
  it('goes opening → registering → registered, and lists the new card', () => {
    const opening = reduce(loaded(), cardRegistrationClicked());
    expect(opening.registration.status).toBe('opening');
    const registering = reduce(opening, billingAuthReturned({ authKey: 'auth-1', customerKey: 'cus_1' }));
    expect(registering.registration.status).toBe('registering');
    const registered = reduce(registering, cardRegistered(second));
    expect(registered.registration).toMatchObject({ status: 'registered', problem: null, windowError: null, cardId: 'card-2' });
    // The same authKey again (a re-render, StrictMode) leaves the outcome alone.
    expect(reduce(registered, billingAuthReturned({ authKey: 'auth-1', customerKey: 'cus_1' }))).toBe(registered);
    expect(registered.items.map((m) => m.id)).toEqual(['card-1', 'card-2']);
  });

  it('a new default card takes the badge from the old one', () => {
    const registered = reduce(loaded(), cardRegistered({ ...second, isDefault: true }));
    expect(registered.items.map((m) => [m.id, m.isDefault])).toEqual([
      ['card-1', false],
      ['card-2', true],
    ]);
  });

  it("keeps the window's refusal, and treats a cancelled window as no error", () => {
    const refused = reduce(loaded(), billingAuthFailed({ code: 'REJECT_CARD_COMPANY', message: '카드사에서 거절했습니다.' }));
    expect(refused.registration).toMatchObject({ status: 'failed', windowError: { code: 'REJECT_CARD_COMPANY', message: '카드사에서 거절했습니다.' } });
    const cancelled = reduce(loaded(), billingAuthFailed({ code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.' }));
    expect(cancelled.registration).toMatchObject({ status: 'cancelled', windowError: null });
  });

  it("keeps the server's refusal and setup failures", () => {
    const problem = aProblem({ status: 422, message: '유효하지 않은 인증 키입니다.' });
    expect(reduce(loaded(), cardRegistrationFailed(problem)).registration).toMatchObject({ status: 'failed', problem });
    expect(reduce(loaded(), billingWindowFailed(problem)).registration).toMatchObject({ status: 'failed', problem });
  });

  it('keeps the outcome when the page is opened from the callback, and forgets it otherwise', () => {
    const registered = reduce(loaded(), cardRegistered(second));
    expect(reduce(registered, paymentMethodsPageOpened({ keepNotice: true })).registration.status).toBe('registered');
    expect(reduce(registered, paymentMethodsPageOpened({ keepNotice: false })).registration.status).toBe('idle');
    expect(reduce(registered, registrationNoticeDismissed()).registration.status).toBe('idle');
  });

  it('moves the default and drops a deleted card', () => {
    const busy = reduce(loaded([first, second]), defaultCardChosen({ id: 'card-2' }));
    expect(busy.busyId).toBe('card-2');
    const changed = reduce(busy, defaultCardChanged({ ...second, isDefault: true }));
    expect(changed.items.map((m) => [m.id, m.isDefault])).toEqual([
      ['card-1', false],
      ['card-2', true],
    ]);
    expect(changed.busyId).toBeNull();
    expect(reduce(changed, cardDeleted({ id: 'card-1' })).items.map((m) => m.id)).toEqual(['card-2']);
  });
});
