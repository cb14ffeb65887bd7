import type { SagaIterator, Task } from 'redux-saga';
import { call, fork, join, put, select, take } from 'redux-saga/effects';
import { ApiRequestError } from '../../common/apiClient';
import {
  accountLoaded,
  selectAccessToken,
  sessionExpired,
  sessionRefreshFailed,
  sessionRefreshRequested,
  tokensRefreshed,
} from './authSlice';

type Failure = ReturnType<typeof sessionExpired> | ReturnType<typeof sessionRefreshFailed>;
type TokenOutcome = ReturnType<typeof tokensRefreshed> | Failure;
type AccountOutcome = ReturnType<typeof accountLoaded> | Failure;

function* awaitOneOf(types: string[]): SagaIterator {
  return yield take(types);
}

/** Puts sessionRefreshRequested and waits for the first of `types`. */
function* requestRefresh(types: string[]): SagaIterator {
  // Listen before asking: the outcome may be put before this saga would reach a `take`.
  const waiter: Task = yield fork(awaitOneOf, types);
  yield put(sessionRefreshRequested());
  return yield join(waiter);
}

/**
 * Asks the auth saga for fresh tokens and waits for them. Resolves the new access token, or null
 * when the session could not be refreshed.
 */
export function* refreshAccessToken(): SagaIterator<string | null> {
  const outcome = (yield call(requestRefresh, [tokensRefreshed.type, sessionExpired.type, sessionRefreshFailed.type])) as TokenOutcome;
  return tokensRefreshed.match(outcome) ? outcome.payload.accessToken : null;
}

/**
 * Refreshes the session and waits until the account is reloaded, so newly granted roles are in
 * the store. Resolves whether that worked.
 */
export function* refreshAccount(): SagaIterator<boolean> {
  const outcome = (yield call(requestRefresh, [accountLoaded.type, sessionExpired.type, sessionRefreshFailed.type])) as AccountOutcome;
  return accountLoaded.match(outcome);
}

/**
 * Calls an API function with the current access token. On a 401 it refreshes the session once and
 * retries; a second 401 (or a failed refresh) is thrown to the caller like any other error.
 */
export function* callWithAuth<A extends unknown[], R>(fn: (token: string | null, ...args: A) => Promise<R>, ...args: A): SagaIterator<R> {
  const token = (yield select(selectAccessToken)) as string | null;
  try {
    return (yield call(fn, token, ...args)) as R;
  } catch (err) {
    if (!(err instanceof ApiRequestError) || err.status !== 401) throw err;
  }
  const fresh = (yield call(refreshAccessToken)) as string | null;
  if (!fresh) throw new ApiRequestError(401, 'UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  return (yield call(fn, fresh, ...args)) as R;
}
