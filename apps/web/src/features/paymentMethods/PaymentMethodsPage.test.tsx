import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter, useLocation, useRoutes } from 'react-router-dom';
import { makeStore } from '../../app/store';
import { routes } from '../../app/router';
import { aCard } from '../../test/myPageFixtures';
import { renderApp, signedIn } from '../../test/test-utils';
import { paymentMethodsApi } from './paymentMethodsApi';
import { billingAuthFailed, cardRegistered, paymentMethodsLoaded } from './paymentMethodsSlice';
import { registrationIdempotencyKey } from './registrationKey';

const first = aCard();
const second = aCard({ id: 'card-2', cardCompany: 'KB국민', maskedNumber: '94901312****789*', isDefault: false });
const page = (items = [first]) => ({ items, page: 1, size: items.length, total: items.length });

afterEach(() => jest.restoreAllMocks());

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}
function App() {
  return (
    <>
      {useRoutes(routes)}
      <Where />
    </>
  );
}

describe('PaymentMethodsPage', () => {
  it('lists cards with company, masked number and the default badge; delete asks first', async () => {
    const remove = jest.spyOn(paymentMethodsApi, 'remove').mockResolvedValue(undefined);
    jest.spyOn(paymentMethodsApi, 'list').mockResolvedValueOnce(page([first, second])).mockResolvedValue(page([first]));
    renderApp('/me/payment-methods', { preloadedState: signedIn(), runSagas: true });
    const rows = await screen.findAllByTestId('card-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId('card-company').textContent).toContain('현대카드');
    expect(within(rows[0]).getByTestId('card-number').textContent).toContain('43301234****123*');
    expect(within(rows[0]).getByTestId('default-badge').textContent).toContain('기본');
    expect(within(rows[1]).queryByTestId('default-badge')).toBeNull();

    fireEvent.click(within(rows[1]).getByTestId('delete-card'));
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('confirm-delete-card-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('card-row')).toHaveLength(1));
    expect(remove).toHaveBeenCalledWith('access-token', 'card-2');
  });

  it('the callback posts the authKey once under StrictMode, leaves the URL and shows the new card', async () => {
    const register = jest.spyOn(paymentMethodsApi, 'register').mockResolvedValue(second);
    jest.spyOn(paymentMethodsApi, 'list').mockResolvedValue(page([first, second]));
    const store = makeStore(signedIn(), { runSagas: true });
    render(
      <StrictMode>
        <Provider store={store}>
          <MemoryRouter initialEntries={['/me/payment-methods/callback?customerKey=cus_0123&authKey=bln_auth_1']}>
            <App />
          </MemoryRouter>
        </Provider>
      </StrictMode>,
    );
    await screen.findByText(/카드가 등록되었습니다/);
    expect(screen.getByTestId('where').textContent).toBe('/me/payment-methods');
    expect(register).toHaveBeenCalledTimes(1);
    expect(register).toHaveBeenCalledWith('access-token', { authKey: 'bln_auth_1', customerKey: 'cus_0123' }, registrationIdempotencyKey('bln_auth_1'));
    const fresh = screen.getAllByTestId('card-row').find((r) => r.dataset.id === 'card-2');
    expect(fresh && within(fresh).getByTestId('new-badge')).toBeTruthy();
  });

  it("the failUrl shows Toss's message and posts nothing", async () => {
    const register = jest.spyOn(paymentMethodsApi, 'register');
    jest.spyOn(paymentMethodsApi, 'list').mockResolvedValue(page([first]));
    const { store } = renderApp('/me/payment-methods/callback?failed=1&code=REJECT_CARD_COMPANY&message=%EC%B9%B4%EB%93%9C%EC%82%AC%20%EA%B1%B0%EC%A0%88', {
      preloadedState: signedIn(),
      runSagas: true,
    });
    expect((await screen.findByTestId('registration-error')).textContent).toContain('카드사 거절');
    expect(screen.getByTestId('registration-notice').getAttribute('data-code')).toBe('REJECT_CARD_COMPANY');
    expect(register).not.toHaveBeenCalled();
    await screen.findAllByTestId('card-row');
    expect(store.getState().paymentMethods.items).toEqual([first]);
  });

  it('renders server text as text', () => {
    const store = makeStore(signedIn(), { runSagas: false });
    store.dispatch(paymentMethodsLoaded([aCard({ cardCompany: '<img src=x onerror=alert(1)>' })]));
    store.dispatch(billingAuthFailed({ code: 'X', message: '<script>alert(1)</script>' }));
    store.dispatch(cardRegistered(aCard({ id: 'card-3', isDefault: false })));
    renderApp('/me/payment-methods', { store });
    expect(screen.getAllByTestId('card-company')[0].textContent).toContain('<img src=x onerror=alert(1)>카드');
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
