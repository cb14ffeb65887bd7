import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { AccountDto, LoginRequest, Role, SignupRequest } from '@roastery/contracts';
import type { Problem } from '../../common/problem';

/**
 * `pending`: tokens are being obtained or the account is loading (sign-in, or a reload restoring
 * the session from the stored refresh token). Route guards wait instead of redirecting.
 */
export type SessionStatus = 'anonymous' | 'pending' | 'authenticated';

interface FormState {
  submitting: boolean;
  problem: Problem | null;
}

export interface AuthState {
  status: SessionStatus;
  /** Kept in memory only (docs/adr/0006-web-session-tokens.md). */
  accessToken: string | null;
  account: AccountDto | null;
  refreshing: boolean;
  signingOut: boolean;
  login: FormState;
  signup: FormState & { createdEmail: string | null };
  /** A one-line note for the sign-in page, e.g. after the session ended. */
  notice: string | null;
}

const NO_ROLES: Role[] = [];

const idle: FormState = { submitting: false, problem: null };

export const initialAuthState: AuthState = {
  status: 'anonymous',
  accessToken: null,
  account: null,
  refreshing: false,
  signingOut: false,
  login: idle,
  signup: { ...idle, createdEmail: null },
  notice: null,
};

const signedOut = (notice: string | null): AuthState => ({ ...initialAuthState, notice });

/** Session and account: who is signed in, with which roles. Actions are named for what happened. */
export const authSlice = createSlice({
  name: 'auth',
  initialState: initialAuthState,
  reducers: {
    /** The app booted; a stored refresh token means a session can be restored. */
    appStarted(state, action: PayloadAction<{ hasStoredSession: boolean }>) {
      if (action.payload.hasStoredSession) state.status = 'pending';
    },
    signupPageOpened(state) {
      state.signup = { ...idle, createdEmail: null };
    },
    signupSubmitted(state, _action: PayloadAction<SignupRequest>) {
      state.signup = { submitting: true, problem: null, createdEmail: null };
    },
    signupSucceeded(state, action: PayloadAction<AccountDto>) {
      state.signup = { submitting: false, problem: null, createdEmail: action.payload.email };
    },
    signupFailed(state, action: PayloadAction<Problem>) {
      state.signup = { submitting: false, problem: action.payload, createdEmail: null };
    },
    loginPageOpened(state) {
      state.login = idle;
    },
    loginSubmitted(state, _action: PayloadAction<LoginRequest>) {
      state.login = { submitting: true, problem: null };
      state.status = 'pending';
      state.notice = null;
    },
    loggedIn(state, action: PayloadAction<{ accessToken: string }>) {
      state.accessToken = action.payload.accessToken;
    },
    loginFailed(state, action: PayloadAction<Problem>) {
      state.login = { submitting: false, problem: action.payload };
      state.status = 'anonymous';
      state.accessToken = null;
      state.account = null;
    },
    /** The account (with roles) as /api/me returned it. */
    accountLoaded(state, action: PayloadAction<AccountDto>) {
      state.account = action.payload;
      state.status = 'authenticated';
      state.login = idle;
    },
    /** Something needs fresh tokens: a 401, a reload, or roles that changed on the server. */
    sessionRefreshRequested(state) {
      state.refreshing = true;
    },
    tokensRefreshed(state, action: PayloadAction<{ accessToken: string }>) {
      state.accessToken = action.payload.accessToken;
      state.refreshing = false;
    },
    /** Refresh failed for a reason other than a dead token (network, 5xx): keep what we have. */
    sessionRefreshFailed(state, action: PayloadAction<Problem>) {
      state.refreshing = false;
      if (!state.account) {
        state.status = 'anonymous';
        state.notice = `We could not restore your session: ${action.payload.message}`;
      }
    },
    /** The refresh token is gone, expired or revoked. */
    sessionExpired(state) {
      const wasSignedIn = state.status !== 'anonymous';
      return signedOut(wasSignedIn ? 'Your session has ended. Please sign in again.' : null);
    },
    logoutClicked(state) {
      state.signingOut = true;
    },
    loggedOut() {
      return signedOut(null);
    },
  },
  selectors: {
    selectSessionStatus: (state) => state.status,
    selectAccessToken: (state) => state.accessToken,
    selectAccount: (state) => state.account,
    selectRoles: (state): Role[] => state.account?.roles ?? NO_ROLES,
    selectHasRole: (state, role: Role) => state.account?.roles.includes(role) ?? false,
    selectIsRefreshing: (state) => state.refreshing,
    selectIsSigningOut: (state) => state.signingOut,
    selectLoginForm: (state) => state.login,
    selectSignupForm: (state) => state.signup,
    selectNotice: (state) => state.notice,
  },
});

export const {
  appStarted,
  signupPageOpened,
  signupSubmitted,
  signupSucceeded,
  signupFailed,
  loginPageOpened,
  loginSubmitted,
  loggedIn,
  loginFailed,
  accountLoaded,
  sessionRefreshRequested,
  tokensRefreshed,
  sessionRefreshFailed,
  sessionExpired,
  logoutClicked,
  loggedOut,
} = authSlice.actions;

export const {
  selectSessionStatus,
  selectAccessToken,
  selectAccount,
  selectRoles,
  selectHasRole,
  selectIsRefreshing,
  selectIsSigningOut,
  selectLoginForm,
  selectSignupForm,
  selectNotice,
} = authSlice.selectors;
