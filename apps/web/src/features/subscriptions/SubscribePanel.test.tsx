import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiRequestError } from '../../common/apiClient';
import { aCatalogItemDetail } from '../../test/fixtures';
import { aCard, anAddress } from '../../test/myPageFixtures';
import { renderApp, signedIn } from '../../test/test-utils';
import { addressesApi } from '../addresses/addressesApi';
import { aPage } from '../orders/orderFixtures';
import { paymentMethodsApi } from '../paymentMethods/paymentMethodsApi';
import { initialStorefrontState } from '../storefront/storefrontSlice';
import { storefrontApi } from '../storefront/storefrontApi';
import { aCreatedSubscription, SUB_ID } from './subscriptionFixtures';
import { subscriptionsApi } from './subscriptionsApi';

const item = aCatalogItemDetail();

function openItem({ addresses = [anAddress()], cards = [aCard()], signedInAs = true } = {}) {
  jest.spyOn(storefrontApi, 'item').mockResolvedValue(item);
  jest.spyOn(addressesApi, 'list').mockResolvedValue(aPage(addresses));
  jest.spyOn(paymentMethodsApi, 'list').mockResolvedValue(aPage(cards));
  return renderApp(`/items/${item.id}`, {
    runSagas: true,
    preloadedState: { ...(signedInAs ? signedIn() : {}), storefront: { ...initialStorefrontState, detail: { id: item.id, load: 'loaded', problem: null, item } } },
  });
}

afterEach(() => jest.restoreAllMocks());

async function fillAndSubmit() {
  await screen.findByRole('option', { name: /세종대로/ });
  await screen.findByRole('option', { name: /43301234/ });
  fireEvent.change(screen.getByTestId('subscribe-quantity'), { target: { value: '2' } });
  fireEvent.click(screen.getByTestId('subscribe-interval-4'));
  fireEvent.click(screen.getByTestId('subscribe-consent'));
  fireEvent.click(screen.getByTestId('subscribe-submit'));
}

describe('SubscribePanel on the item page', () => {
  it('asks an anonymous visitor to sign in first', async () => {
    openItem({ signedInAs: false });
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(screen.getByTestId('subscribe-sign-in').getAttribute('href')).toBe('/login');
    expect(screen.queryByTestId('subscribe-form')).toBeNull();
  });

  it('shows the box price with the shipping fee, needs the consent (terms version shown), and subscribes with one key', async () => {
    const create = jest.spyOn(subscriptionsApi, 'create').mockResolvedValue(aCreatedSubscription());
    openItem();
    await screen.findByRole('option', { name: /세종대로/ });
    expect(screen.getByTestId('subscribe-terms-version').textContent).toContain('2026-11-01');
    // One 200 g bag (₩18,000) is under the free-shipping threshold.
    expect(screen.getByTestId('subscribe-shipping').textContent).toBe('₩3,000');
    expect(screen.getByTestId('subscribe-total').textContent).toBe('₩21,000');
    expect((screen.getByTestId('subscribe-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('subscribe-quantity'), { target: { value: '2' } });
    expect(screen.getByTestId('subscribe-shipping').textContent).toBe('무료');
    expect(screen.getByTestId('subscribe-submit').textContent).toBe('₩36,000 결제하고 정기배송 시작');
    await fillAndSubmit();
    await screen.findByTestId('subscribe-result');
    expect(create).toHaveBeenCalledWith(
      'access-token',
      { catalogItemId: item.id, optionId: item.options[0].id, quantity: 2, intervalWeeks: 4, addressId: 'addr-1', paymentMethodId: 'card-1', agreeToRecurringPayment: true, termsVersion: '2026-11-01' },
      expect.any(String),
    );
    expect(screen.getByTestId('subscribe-result').getAttribute('data-outcome')).toBe('PAID');
    expect(screen.getByTestId('subscribe-result-text').textContent).toContain('₩36,000');
    expect(screen.getByTestId('subscribe-result-link').getAttribute('href')).toBe(`/me/subscriptions/${SUB_ID}`);
  });

  it('retries with the same Idempotency-Key after a network error', async () => {
    const create = jest.spyOn(subscriptionsApi, 'create').mockRejectedValueOnce(new ApiRequestError(0, 'NETWORK_ERROR', 'offline')).mockResolvedValue(aCreatedSubscription());
    openItem();
    await fillAndSubmit();
    expect((await screen.findByTestId('subscribe-problem')).textContent).toContain('두 번 결제되지 않습니다');
    expect(screen.getByTestId('subscribe-submit').textContent).toBe('다시 시도');
    fireEvent.click(screen.getByTestId('subscribe-submit'));
    await screen.findByTestId('subscribe-result');
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1][2]).toBe(create.mock.calls[0][2]);
  });

  it('says when the first charge was declined or the option is out of stock', async () => {
    jest
      .spyOn(subscriptionsApi, 'create')
      .mockRejectedValueOnce(new ApiRequestError(422, 'PAYMENT_DECLINED', 'declined'))
      .mockRejectedValueOnce(new ApiRequestError(422, 'OUT_OF_STOCK', 'only 1 left'));
    openItem();
    await fillAndSubmit();
    const declined = await screen.findByTestId('subscribe-result');
    expect(declined.getAttribute('data-outcome')).toBe('DECLINED');
    expect(declined.querySelector('a')?.getAttribute('href')).toBe('/me/payment-methods');
    fireEvent.click(screen.getByTestId('subscribe-submit'));
    await waitFor(() => expect(screen.getByTestId('subscribe-problem').getAttribute('data-code')).toBe('OUT_OF_STOCK'));
  });

  it('shows a first box refused for stock: nothing charged, the subscription linked', async () => {
    jest.spyOn(subscriptionsApi, 'create').mockResolvedValue(aCreatedSubscription({ status: 'STOCK_REFUSED' }));
    openItem();
    await fillAndSubmit();
    expect((await screen.findByTestId('subscribe-result')).getAttribute('data-outcome')).toBe('STOCK_REFUSED');
    expect(screen.getByTestId('subscribe-result-text').textContent).toContain('결제되지 않았습니다');
  });

  it('links to add an address or a card when there is none', async () => {
    openItem({ addresses: [], cards: [] });
    expect((await screen.findByTestId('subscribe-no-address')).querySelector('a')?.getAttribute('href')).toBe('/me/addresses');
    expect((await screen.findByTestId('subscribe-no-card')).querySelector('a')?.getAttribute('href')).toBe('/me/payment-methods');
  });
});
