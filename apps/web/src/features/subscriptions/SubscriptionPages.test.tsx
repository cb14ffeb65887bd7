import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRequestError } from '../../common/apiClient';
import { aCatalogItemDetail } from '../../test/fixtures';
import { aCard, anAddress } from '../../test/myPageFixtures';
import { renderApp, signedIn } from '../../test/test-utils';
import { addressesApi } from '../addresses/addressesApi';
import { anOrderSummary, aPage } from '../orders/orderFixtures';
import { paymentMethodsApi } from '../paymentMethods/paymentMethodsApi';
import { storefrontApi } from '../storefront/storefrontApi';
import { aSubscription, retrying, SUB_ID } from './subscriptionFixtures';
import { subscriptionsApi } from './subscriptionsApi';

function mockBackground(subscription = aSubscription()) {
  jest.spyOn(addressesApi, 'list').mockResolvedValue(aPage([anAddress(), anAddress({ id: 'addr-2', label: '회사', line1: '서울 강남구 테헤란로 1', isDefault: false })]));
  jest.spyOn(paymentMethodsApi, 'list').mockResolvedValue(aPage([aCard(), aCard({ id: 'card-2', cardCompany: 'KB국민', maskedNumber: '94901312****789*', isDefault: false })]));
  jest.spyOn(storefrontApi, 'item').mockResolvedValue(aCatalogItemDetail());
  jest.spyOn(subscriptionsApi, 'boxes').mockResolvedValue(aPage([anOrderSummary({ id: 'order-2', cycle: 1, billingDate: '2026-12-05' }), anOrderSummary()]));
  return jest.spyOn(subscriptionsApi, 'get').mockResolvedValue(subscription);
}

const openDetail = () => renderApp(`/me/subscriptions/${SUB_ID}`, { preloadedState: signedIn(), runSagas: true });

afterEach(() => jest.restoreAllMocks());

describe('My page → 정기배송', () => {
  it('lists subscriptions with the next date and amount, reached from My page', async () => {
    jest.spyOn(subscriptionsApi, 'list').mockResolvedValue(aPage([aSubscription(), aSubscription({ id: 'sub-2', status: 'PAUSED', nextBillingDate: null, upcomingDates: [], preview: null })]));
    renderApp('/me', { preloadedState: signedIn(), runSagas: true });
    fireEvent.click(screen.getByTestId('link-subscriptions'));
    const cards = await screen.findAllByTestId('subscription-card');
    expect(cards.map((c) => c.getAttribute('data-status'))).toEqual(['ACTIVE', 'PAUSED']);
    expect(within(cards[0]).getByTestId('subscription-next').textContent).toMatch(/2026.*12.*5.*₩36,000/);
    expect(within(cards[1]).getByTestId('subscription-next').textContent).toContain('일시정지 중');
    expect(within(cards[0]).getByTestId('subscription-link').getAttribute('href')).toBe(`/me/subscriptions/${SUB_ID}`);
  });

  it('shows the next date, upcoming dates, the preview with the shipping fee, consent and the latest boxes', async () => {
    mockBackground();
    openDetail();
    const detail = await screen.findByTestId('subscription-detail');
    expect(screen.getByTestId('next-billing-date').getAttribute('data-date')).toBe('2026-12-05');
    expect(within(screen.getByTestId('upcoming-dates')).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByTestId('preview-total').textContent).toBe('₩36,000');
    expect(screen.getByTestId('preview-shipping').textContent).toBe('무료');
    expect(screen.getByTestId('subscription-consent').textContent).toContain('2026-11-01');
    expect(screen.getAllByTestId('box-row').map((r) => r.getAttribute('data-cycle'))).toEqual(['1', '0']);
    expect(within(detail).queryByTestId('open-box')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('subscription-card').textContent).toBe('현대 43301234****123*'));
  });

  it('shows a declined box retrying on a date, with a link to add a card; choosing another card sends it with the version', async () => {
    mockBackground(aSubscription({ openOrder: retrying() }));
    const update = jest.spyOn(subscriptionsApi, 'update').mockResolvedValue(aSubscription({ paymentMethodId: 'card-2', version: 4 }));
    openDetail();
    const open = await screen.findByTestId('open-box');
    expect(open.getAttribute('data-status')).toBe('RETRY_SCHEDULED');
    expect(screen.getByTestId('open-box-text').textContent).toMatch(/REJECT_CARD_PAYMENT.*2026.*12.*6/);
    expect(screen.getByTestId('open-box-card-link').getAttribute('href')).toBe('/me/payment-methods');
    // The box belongs to the billing run: no date edits meanwhile.
    expect(screen.getByTestId('dates-locked')).toBeTruthy();
    expect(screen.queryByTestId('op-skip')).toBeNull();
    await screen.findByRole('option', { name: /KB국민/ });
    fireEvent.change(screen.getByTestId('change-card'), { target: { value: 'card-2' } });
    fireEvent.click(screen.getByTestId('op-update'));
    await screen.findByTestId('subscription-notice');
    expect(update).toHaveBeenCalledWith('access-token', SUB_ID, { paymentMethodId: 'card-2', version: 3 });
  });

  it('skips after confirming, pauses until a date, and resumes', async () => {
    const get = mockBackground();
    const skip = jest.spyOn(subscriptionsApi, 'skip').mockResolvedValue(aSubscription({ nextBillingDate: '2026-12-19', version: 4 }));
    const pause = jest.spyOn(subscriptionsApi, 'pause').mockResolvedValue(aSubscription({ status: 'PAUSED', pausedUntil: '2027-01-10', nextBillingDate: '2027-01-16', version: 5 }));
    const resume = jest.spyOn(subscriptionsApi, 'resume').mockResolvedValue(aSubscription({ nextBillingDate: '2026-12-19', version: 6 }));
    openDetail();
    fireEvent.click(await screen.findByTestId('op-skip'));
    get.mockResolvedValue(aSubscription({ nextBillingDate: '2026-12-19', version: 4 }));
    fireEvent.click(await screen.findByTestId('confirm-skip-confirm'));
    expect((await screen.findByTestId('subscription-notice')).textContent).toContain('2026-12-19');
    expect(skip).toHaveBeenCalledWith('access-token', SUB_ID);

    get.mockResolvedValue(aSubscription({ status: 'PAUSED', pausedUntil: '2027-01-10', nextBillingDate: '2027-01-16', version: 5 }));
    fireEvent.change(screen.getByTestId('pause-until'), { target: { value: '2027-01-10' } });
    fireEvent.click(screen.getByTestId('op-pause'));
    await waitFor(() => expect(screen.getByTestId('subscription-detail').getAttribute('data-status')).toBe('PAUSED'));
    expect(pause).toHaveBeenCalledWith('access-token', SUB_ID, '2027-01-10');
    expect(screen.getByTestId('paused-until')).toBeTruthy();

    get.mockResolvedValue(aSubscription({ nextBillingDate: '2026-12-19', version: 6 }));
    fireEvent.click(await screen.findByTestId('op-resume'));
    await waitFor(() => expect(screen.getByTestId('subscription-detail').getAttribute('data-status')).toBe('ACTIVE'));
    expect(resume).toHaveBeenCalledWith('access-token', SUB_ID, undefined);
  });

  it('explains a refused date and a version conflict (and reloads on the conflict)', async () => {
    const get = mockBackground();
    jest
      .spyOn(subscriptionsApi, 'update')
      .mockRejectedValueOnce(new ApiRequestError(422, 'DATE_OUT_OF_BOUNDS', 'the date is outside what this operation allows'))
      .mockRejectedValueOnce(new ApiRequestError(409, 'CONFLICT', 'the subscription changed since version 3 (now 4)'));
    openDetail();
    fireEvent.change(await screen.findByTestId('reschedule-date'), { target: { value: '2027-03-01' } });
    fireEvent.click(screen.getByTestId('op-reschedule'));
    expect((await screen.findByTestId('subscription-action-problem')).textContent).toContain('허용 범위 밖의 날짜');

    get.mockResolvedValue(aSubscription({ quantity: 1, version: 4 }));
    const calls = get.mock.calls.length;
    fireEvent.change(screen.getByTestId('change-quantity'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('op-update'));
    await waitFor(() => expect(screen.getByTestId('subscription-action-problem').getAttribute('data-code')).toBe('CONFLICT'));
    expect(screen.getByTestId('subscription-action-problem').textContent).toContain('다시 불러왔으니');
    await waitFor(() => expect(screen.getByTestId('subscription-detail').getAttribute('data-version')).toBe('4'));
    expect(get.mock.calls.length).toBeGreaterThan(calls);
    expect((screen.getByTestId('change-quantity') as HTMLInputElement).value).toBe('1');
  });

  it('cancels only with a reason, then offers to reactivate', async () => {
    const get = mockBackground();
    const cancel = jest.spyOn(subscriptionsApi, 'cancel').mockResolvedValue(aSubscription({ status: 'CANCELLED', cancelReason: '이사 가요', nextBillingDate: null, version: 4 }));
    const reactivate = jest.spyOn(subscriptionsApi, 'reactivate').mockResolvedValue(aSubscription({ version: 5 }));
    openDetail();
    fireEvent.click(await screen.findByTestId('op-cancel'));
    expect((screen.getByTestId('cancel-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('cancel-reason'), { target: { value: '이사 가요' } });
    get.mockResolvedValue(aSubscription({ status: 'CANCELLED', cancelReason: '이사 가요', nextBillingDate: null, version: 4 }));
    fireEvent.click(screen.getByTestId('cancel-confirm'));
    expect((await screen.findByTestId('cancel-reason-shown')).textContent).toBe('이사 가요');
    expect(cancel).toHaveBeenCalledWith('access-token', SUB_ID, '이사 가요');
    get.mockResolvedValue(aSubscription({ version: 5 }));
    fireEvent.click(screen.getByTestId('op-reactivate'));
    await waitFor(() => expect(screen.getByTestId('subscription-detail').getAttribute('data-status')).toBe('ACTIVE'));
    expect(reactivate).toHaveBeenCalledWith('access-token', SUB_ID);
  });
});

describe('a partner’s price rise', () => {
  it('asks for consent and sends it', async () => {
    mockBackground(aSubscription({ pendingPriceChange: { unitPriceWon: 20_000, effectiveFrom: '2026-12-19', consentedAt: null } }));
    const accept = jest.spyOn(subscriptionsApi, 'acceptPrice').mockResolvedValue(aSubscription({ pendingPriceChange: { unitPriceWon: 20_000, effectiveFrom: '2026-12-19', consentedAt: '2026-11-22T00:00:00.000Z' }, version: 4 }));
    renderApp(`/me/subscriptions/${SUB_ID}`, { preloadedState: signedIn(), runSagas: true });
    expect((await screen.findByTestId('pending-price-change')).textContent).toContain('₩20,000');
    fireEvent.click(screen.getByTestId('op-accept-price'));
    await screen.findByTestId('subscription-notice');
    expect(accept).toHaveBeenCalledWith('access-token', SUB_ID);
  });
});
