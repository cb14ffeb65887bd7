import { makeStore } from '../../app/store';
import { aProblem } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import {
  accountLoaded,
  appStarted,
  authSlice,
  initialAuthState,
  loggedIn,
  loggedOut,
  loginFailed,
  loginSubmitted,
  selectHasRole,
  selectRoles,
  selectSessionStatus,
  sessionExpired,
  sessionRefreshFailed,
  sessionRefreshRequested,
  tokensRefreshed,
} from './authSlice';

const reduce = authSlice.reducer;

describe('authSlice', () => {
  it('starts anonymous, or pending when a stored session can be restored', () => {
    expect(reduce(undefined, { type: '@@INIT' }).status).toBe('anonymous');
    expect(reduce(initialAuthState, appStarted({ hasStoredSession: false })).status).toBe('anonymous');
    expect(reduce(initialAuthState, appStarted({ hasStoredSession: true })).status).toBe('pending');
  });

  it('signs in: submitted → tokens → account', () => {
    let s = reduce(initialAuthState, loginSubmitted({ email: 'a@b.co', password: 'x' }));
    expect(s).toMatchObject({ status: 'pending', login: { submitting: true, problem: null } });
    s = reduce(s, loggedIn({ accessToken: 'acc' }));
    expect(s.accessToken).toBe('acc');
    s = reduce(s, accountLoaded(anAccount()));
    expect(s).toMatchObject({ status: 'authenticated', login: { submitting: false }, account: { email: 'mina@example.com' } });
  });

  it('keeps the problem of a failed sign-in and stays anonymous', () => {
    const problem = aProblem({ status: 401, code: 'INVALID_CREDENTIALS' });
    const s = reduce(reduce(initialAuthState, loginSubmitted({ email: 'a@b.co', password: 'x' })), loginFailed(problem));
    expect(s).toMatchObject({ status: 'anonymous', accessToken: null, login: { submitting: false, problem } });
  });

  it('swaps the access token on refresh and keeps the account', () => {
    const start = signedIn().auth;
    const s = reduce(reduce(start, sessionRefreshRequested()), tokensRefreshed({ accessToken: 'fresh' }));
    expect(s).toMatchObject({ accessToken: 'fresh', refreshing: false, status: 'authenticated' });
  });

  it('a failed refresh keeps a signed-in session but ends a restore', () => {
    const problem = aProblem({ message: 'offline' });
    expect(reduce(signedIn().auth, sessionRefreshFailed(problem)).status).toBe('authenticated');
    const restoring = reduce(initialAuthState, appStarted({ hasStoredSession: true }));
    const s = reduce(restoring, sessionRefreshFailed(problem));
    expect(s.status).toBe('anonymous');
    expect(s.notice).toContain('offline');
  });

  it('forgets everything when the session expires or the user signs out', () => {
    const expired = reduce(signedIn().auth, sessionExpired());
    expect(expired).toMatchObject({ status: 'anonymous', accessToken: null, account: null });
    expect(expired.notice).toMatch(/sign in again/);
    expect(reduce(signedIn().auth, loggedOut())).toEqual(initialAuthState);
  });

  it('selects roles through the root state', () => {
    const state = makeStore(signedIn(anAccount({ roles: ['SUBSCRIBER', 'PARTNER'] })), { runSagas: false }).getState();
    expect(selectSessionStatus(state)).toBe('authenticated');
    expect(selectRoles(state)).toEqual(['SUBSCRIBER', 'PARTNER']);
    expect(selectHasRole(state, 'PARTNER')).toBe(true);
    expect(selectHasRole(state, 'ADMIN')).toBe(false);
    const anonymous = makeStore(undefined, { runSagas: false }).getState();
    expect(selectRoles(anonymous)).toBe(selectRoles(anonymous));
  });
});
