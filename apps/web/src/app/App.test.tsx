import { screen } from '@testing-library/react';
import { anApplication, aProblem } from '../test/fixtures';
import { anAccount, renderApp, signedIn } from '../test/test-utils';
import { initialAuthState } from '../features/auth/authSlice';
import { initialPartnerApplicationState } from '../features/partnerApplication/partnerApplicationSlice';

const partner = anAccount({ roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: ['p-1'] });

describe('app routes', () => {
  it('shows the storefront with sign-in links to a visitor', () => {
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Specialty coffee/);
    expect(screen.getByTestId('home-login').getAttribute('href')).toBe('/login');
    expect(screen.getByTestId('nav-signup').getAttribute('href')).toBe('/signup');
  });

  it('sends a visitor from a guarded page to sign in', () => {
    const { location } = renderApp('/backoffice/applications');
    expect(location()?.pathname).toBe('/login');
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('waits instead of redirecting while a stored session is restored', () => {
    const { location } = renderApp('/me', { preloadedState: { auth: { ...initialAuthState, status: 'pending' } } });
    expect(location()?.pathname).toBe('/me');
    expect(screen.getByRole('status').textContent).toContain('Signing you in');
  });

  it('shows the account and its roles in the navbar and on My page', () => {
    renderApp('/me', { preloadedState: signedIn(partner) });
    const navRoles = screen.getByTestId('nav-roles');
    expect([...navRoles.querySelectorAll('[data-role]')].map((b) => b.getAttribute('data-role'))).toEqual(['SUBSCRIBER', 'PARTNER']);
    expect(screen.getByTestId('nav-account-name').textContent).toBe('Mina Park');
    expect(screen.getByTestId('account-roles').textContent).toContain('Partner');
    expect(screen.getByRole('link', { name: 'Studio' })).toBeTruthy();
  });

  it('keeps the studio for partners', () => {
    renderApp('/studio', { preloadedState: signedIn() });
    expect(screen.getByTestId('forbidden').textContent).toContain('for approved partners');
  });

  it('opens the studio for a partner', () => {
    renderApp('/studio', { preloadedState: signedIn(partner) });
    expect(screen.getByTestId('studio-heading')).toBeTruthy();
  });

  it('keeps the backoffice for admins', () => {
    renderApp('/backoffice/applications', { preloadedState: signedIn(partner) });
    expect(screen.getByTestId('forbidden').textContent).toContain('admins only');
  });

  it('keeps the catalog backoffice pages for admins', () => {
    for (const page of ['/backoffice/products', '/backoffice/partners', '/backoffice/catalog']) {
      const { unmount } = renderApp(page, { preloadedState: signedIn(partner) });
      expect(screen.getByTestId('forbidden').textContent).toContain('admins only');
      unmount();
    }
  });

  it('opens the product editor for a partner, and the item page for anyone', () => {
    const { unmount } = renderApp('/studio/products/new', { preloadedState: signedIn(partner) });
    expect(screen.getByTestId('editor-heading').textContent).toBe('New product');
    unmount();
    renderApp('/items/0190a0b0-0000-7000-8000-0000000000e1');
    expect(screen.getByRole('status').textContent).toContain('Loading the coffee');
  });

  it('signs a user who is already signed in straight through to /me', () => {
    const { location } = renderApp('/login', { preloadedState: signedIn() });
    expect(location()?.pathname).toBe('/me');
  });

  it('words a wrong password on the sign-in page', () => {
    renderApp('/login', {
      preloadedState: { auth: { ...initialAuthState, login: { submitting: false, problem: aProblem({ status: 401, code: 'INVALID_CREDENTIALS' }) } } },
    });
    // The page resets the form state when opened, so the problem shown is the one from this visit only.
    expect(screen.queryByTestId('problem')).toBeNull();
  });

  it('renders server text as text, never as HTML', () => {
    const application = anApplication({ status: 'REJECTED', rejectionReason: '<img src=x onerror=alert(1)>Blurry scan' });
    renderApp('/me/partner', {
      preloadedState: { ...signedIn(), partnerApplication: { ...initialPartnerApplicationState, load: 'loaded', current: application } },
    });
    expect(screen.getByTestId('rejection-reason').textContent).toBe('<img src=x onerror=alert(1)>Blurry scan');
    expect(document.querySelector('img')).toBeNull();
  });

  it('after a rejection shows the reason and a prefilled form to apply again', () => {
    const application = anApplication({ status: 'REJECTED', rejectionReason: 'Blurry scan' });
    renderApp('/me/partner', {
      preloadedState: { ...signedIn(), partnerApplication: { ...initialPartnerApplicationState, load: 'loaded', current: application } },
    });
    expect(screen.getByTestId('rejection').textContent).toContain('Blurry scan');
    expect(screen.getByLabelText('Business name', { exact: false })).toHaveProperty('value', 'Bean There Roasters');
    expect(screen.getByLabelText('Payout account number', { exact: false })).toHaveProperty('value', '');
  });

  it('shows a pending application with its status', () => {
    renderApp('/me/partner', {
      preloadedState: { ...signedIn(), partnerApplication: { ...initialPartnerApplicationState, load: 'loaded', current: anApplication() } },
    });
    expect(screen.getByTestId('application-status').getAttribute('data-status')).toBe('PENDING');
    expect(screen.queryByTestId('apply-form')).toBeNull();
  });

  it('an approved partner gets a link to the studio', () => {
    renderApp('/me/partner', {
      preloadedState: {
        ...signedIn(partner),
        partnerApplication: { ...initialPartnerApplicationState, load: 'loaded', current: anApplication({ status: 'APPROVED' }) },
      },
    });
    expect(screen.getByTestId('approved-note').textContent).toContain('Approved — you are a partner');
    expect(screen.getByTestId('go-to-studio').getAttribute('href')).toBe('/studio');
  });

  it('an approval whose role has not arrived yet offers a refresh', () => {
    renderApp('/me/partner', {
      preloadedState: {
        ...signedIn(),
        partnerApplication: { ...initialPartnerApplicationState, load: 'loaded', current: anApplication({ status: 'APPROVED' }), roleSync: 'pending' },
      },
    });
    expect(screen.getByTestId('refresh-partner-role')).toBeTruthy();
  });
});
