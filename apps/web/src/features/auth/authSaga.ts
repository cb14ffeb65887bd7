import type { AccountDto, TokenPair } from '@roastery/contracts';
import type { PayloadAction } from '@reduxjs/toolkit';
import { call, put, select, takeLatest, takeLeading } from 'redux-saga/effects';
import type { SagaIterator } from 'redux-saga';
import { toProblem } from '../../common/problem';
import { tokenStorage } from '../../common/tokenStorage';
import { authApi, refreshStoredSession } from './authApi';
import {
  accountLoaded,
  appStarted,
  loggedIn,
  loggedOut,
  loginFailed,
  loginSubmitted,
  logoutClicked,
  selectAccessToken,
  sessionExpired,
  sessionRefreshFailed,
  sessionRefreshRequested,
  signupFailed,
  signupSubmitted,
  signupSucceeded,
  tokensRefreshed,
} from './authSlice';

function* restoreSessionOnStart(action: ReturnType<typeof appStarted>): SagaIterator {
  if (action.payload.hasStoredSession) yield put(sessionRefreshRequested());
}

function* signUp(action: ReturnType<typeof signupSubmitted>): SagaIterator {
  try {
    const account: AccountDto = yield call(authApi.signup, action.payload);
    yield put(signupSucceeded(account));
  } catch (err) {
    yield put(signupFailed(toProblem(err)));
  }
}

function* logIn(action: ReturnType<typeof loginSubmitted>): SagaIterator {
  try {
    const pair: TokenPair = yield call(authApi.login, action.payload);
    yield call(tokenStorage.write, pair.refreshToken);
    yield put(loggedIn({ accessToken: pair.accessToken }));
    const account: AccountDto = yield call(authApi.me, pair.accessToken);
    yield put(accountLoaded(account));
  } catch (err) {
    yield call(tokenStorage.clear);
    yield put(loginFailed(toProblem(err)));
  }
}

/**
 * Rotates the refresh token and reloads the account, so roles granted on the server (PARTNER
 * after an approval) show up. Run with takeLeading: requests that arrive while one refresh is in
 * flight share its outcome instead of reusing the same refresh token, which would revoke it.
 */
export function* refreshSession(): SagaIterator {
  try {
    const pair: TokenPair | null = yield call(refreshStoredSession);
    if (!pair) {
      yield put(sessionExpired());
      return;
    }
    yield put(tokensRefreshed({ accessToken: pair.accessToken }));
    const account: AccountDto = yield call(authApi.me, pair.accessToken);
    yield put(accountLoaded(account));
  } catch (err) {
    const problem = toProblem(err);
    if (problem.status === 401) {
      yield call(tokenStorage.clear);
      yield put(sessionExpired());
    } else {
      yield put(sessionRefreshFailed(problem));
    }
  }
}

function* logOut(_action: PayloadAction): SagaIterator {
  const refreshToken: string | null = yield call(tokenStorage.read);
  const accessToken: string | null = yield select(selectAccessToken);
  // Forget the session locally first: signing out must work even when the server cannot be reached.
  yield call(tokenStorage.clear);
  if (refreshToken) {
    try {
      yield call(authApi.logout, refreshToken, accessToken);
    } catch {
      // The token stays valid until it expires; nothing the user can do about it here.
    }
  }
  yield put(loggedOut());
}

/** Watchers of the auth feature. */
export function* authSaga(): SagaIterator {
  yield takeLatest(appStarted.type, restoreSessionOnStart);
  yield takeLeading(signupSubmitted.type, signUp);
  yield takeLeading(loginSubmitted.type, logIn);
  yield takeLeading(sessionRefreshRequested.type, refreshSession);
  yield takeLeading(logoutClicked.type, logOut);
}
