import type { AccountDto } from '@roastery/contracts';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter, useLocation, useRoutes, type Location } from 'react-router-dom';
import { makeStore, type AppStore, type RootState } from '../app/store';
import { routes } from '../app/router';
import { initialAuthState } from '../features/auth/authSlice';

interface ProviderOptions extends Omit<RenderOptions, 'queries' | 'wrapper'> {
  preloadedState?: Partial<RootState>;
  store?: AppStore;
  /** The URL the memory router starts at. */
  route?: string;
  /** Sagas are off by default so a rendered component never reaches the network. */
  runSagas?: boolean;
}

/** Renders `ui` inside the Redux provider and a memory router (redux-templates' test-utils). */
export function renderWithProviders(ui: ReactElement, options: ProviderOptions = {}) {
  const { preloadedState, runSagas = false, route = '/', store = makeStore(preloadedState, { runSagas }), ...renderOptions } = options;
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <Provider store={store}>
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
    </Provider>
  );
  return { store, ...render(ui, { wrapper: Wrapper, ...renderOptions }) };
}

function AppRoutes({ onLocation }: { onLocation: (location: Location) => void }) {
  onLocation(useLocation());
  return useRoutes(routes);
}

/**
 * Renders the whole app (layout, guards, pages) at `route`, with the route table the browser
 * router uses. `location()` tells where the app ended up after redirects.
 */
export function renderApp(route: string, options: Omit<ProviderOptions, 'route'> = {}) {
  const { preloadedState, runSagas = false, store = makeStore(preloadedState, { runSagas }), ...renderOptions } = options;
  let current: Location | null = null;
  const ui = (
    <Provider store={store}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes onLocation={(l) => (current = l)} />
      </MemoryRouter>
    </Provider>
  );
  return { store, location: () => current, ...render(ui, renderOptions) };
}

/** An account as /api/me returns it. */
export function anAccount(overrides: Partial<AccountDto> = {}): AccountDto {
  return {
    id: '0190a0b0-0000-7000-8000-000000000001',
    email: 'mina@example.com',
    name: 'Mina Park',
    roles: ['SUBSCRIBER'],
    partnerIds: [],
    createdAt: '2025-01-15T09:00:00.000Z',
    ...overrides,
  };
}

/** Auth state of a signed-in account. */
export function signedIn(account: AccountDto = anAccount()): Pick<RootState, 'auth'> {
  return { auth: { ...initialAuthState, status: 'authenticated', accessToken: 'access-token', account } };
}
