import type { TokenPair } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { all, fork, put } from 'redux-saga/effects';
import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { dynamic, throwError, type StaticProvider } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { tokenStorage } from '../../common/tokenStorage';
import { anAccount, signedIn } from '../../test/test-utils';
import { authApi, refreshStoredSession } from './authApi';
import { authSaga } from './authSaga';
import {
  accountLoaded,
  appStarted,
  loggedIn,
  loggedOut,
  loginFailed,
  loginSubmitted,
  logoutClicked,
  sessionExpired,
  sessionRefreshFailed,
  sessionRefreshRequested,
  signupFailed,
  signupSubmitted,
  signupSucceeded,
  tokensRefreshed,
} from './authSlice';
import { callWithAuth } from './callWithAuth';

const pair = (n: number): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-token-number-${n}`, expiresIn: 900, tokenType: 'Bearer' });
const account = anAccount();
const unauthorized = () => new ApiRequestError(401, 'UNAUTHENTICATED', 'Token expired');
const storage: StaticProvider[] = [
  [matchers.call.fn(tokenStorage.write), undefined],
  [matchers.call.fn(tokenStorage.clear), undefined],
];

describe('authSaga', () => {
  it('signs up and reports the created account', () =>
    expectSaga(authSaga)
      .provide([[matchers.call.fn(authApi.signup), account]])
      .put(signupSucceeded(account))
      .dispatch(signupSubmitted({ email: 'mina@example.com', password: 'long enough pass', name: 'Mina' }))
      .silentRun(50));

  it('turns a taken email into a problem the form can show', () =>
    expectSaga(authSaga)
      .provide([[matchers.call.fn(authApi.signup), throwError(new ApiRequestError(409, 'EMAIL_TAKEN', 'Email already registered'))]])
      .put(signupFailed({ status: 409, code: 'EMAIL_TAKEN', message: 'Email already registered', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(signupSubmitted({ email: 'mina@example.com', password: 'long enough pass', name: 'Mina' }))
      .silentRun(50));

  it('signs in: stores the refresh token, keeps the access token, loads the account', async () => {
    const { storeState } = await expectSaga(authSaga)
      .withReducer(rootReducer)
      .provide([[matchers.call.fn(authApi.login), pair(1)], [matchers.call.fn(authApi.me), account], ...storage])
      .call(tokenStorage.write, 'refresh-token-number-1')
      .call(authApi.me, 'access-1')
      .put(loggedIn({ accessToken: 'access-1' }))
      .put(accountLoaded(account))
      .dispatch(loginSubmitted({ email: 'mina@example.com', password: 'secret' }))
      .silentRun(50);
    expect(storeState.auth).toMatchObject({ status: 'authenticated', accessToken: 'access-1' });
  });

  it('reports wrong credentials and a rate limit with its wait', async () => {
    await expectSaga(authSaga)
      .provide([[matchers.call.fn(authApi.login), throwError(new ApiRequestError(401, 'INVALID_CREDENTIALS', 'Invalid email or password'))], ...storage])
      .put(loginFailed({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid email or password', fieldErrors: {}, retryAfterSeconds: null }))
      .dispatch(loginSubmitted({ email: 'mina@example.com', password: 'wrong' }))
      .silentRun(50);
    await expectSaga(authSaga)
      .provide([[matchers.call.fn(authApi.login), throwError(new ApiRequestError(429, 'RATE_LIMITED', 'Slow down', undefined, 30))], ...storage])
      .put(loginFailed({ status: 429, code: 'RATE_LIMITED', message: 'Slow down', fieldErrors: {}, retryAfterSeconds: 30 }))
      .dispatch(loginSubmitted({ email: 'mina@example.com', password: 'wrong' }))
      .silentRun(50);
  });

  it('restores a stored session on start', async () => {
    const { storeState } = await expectSaga(authSaga)
      .withReducer(rootReducer)
      .provide([[matchers.call.fn(refreshStoredSession), pair(2)], [matchers.call.fn(authApi.me), account]])
      .put(sessionRefreshRequested())
      .put(tokensRefreshed({ accessToken: 'access-2' }))
      .put(accountLoaded(account))
      .dispatch(appStarted({ hasStoredSession: true }))
      .silentRun(50);
    expect(storeState.auth).toMatchObject({ status: 'authenticated', accessToken: 'access-2' });
  });

  it('ends the session when there is no stored token or it was revoked', async () => {
    await expectSaga(authSaga)
      .provide([[matchers.call.fn(refreshStoredSession), null]])
      .put(sessionExpired())
      .dispatch(sessionRefreshRequested())
      .silentRun(50);
    await expectSaga(authSaga)
      .provide([[matchers.call.fn(refreshStoredSession), throwError(new ApiRequestError(401, 'REFRESH_TOKEN_REUSED', 'Reused'))], ...storage])
      .call(tokenStorage.clear)
      .put(sessionExpired())
      .dispatch(sessionRefreshRequested())
      .silentRun(50);
  });

  it('keeps the session when a refresh fails for another reason', () =>
    expectSaga(authSaga)
      .provide([[matchers.call.fn(refreshStoredSession), throwError(new ApiRequestError(503, 'BAD_RESPONSE', 'Unavailable'))]])
      .put(sessionRefreshFailed({ status: 503, code: 'BAD_RESPONSE', message: 'Unavailable', fieldErrors: {}, retryAfterSeconds: null }))
      .not.put(sessionExpired())
      .dispatch(sessionRefreshRequested())
      .silentRun(50));

  it('signs out locally even when the server cannot be reached', async () => {
    const { storeState } = await expectSaga(authSaga)
      .withReducer(rootReducer, { ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() })
      .provide([
        [matchers.call.fn(tokenStorage.read), 'refresh-token-number-1'],
        [matchers.call.fn(authApi.logout), throwError(new ApiRequestError(0, 'NETWORK_ERROR', 'offline'))],
        ...storage,
      ])
      .call(tokenStorage.clear)
      .call(authApi.logout, 'refresh-token-number-1', 'access-token')
      .put(loggedOut())
      .dispatch(logoutClicked())
      .silentRun(50);
    expect(storeState.auth).toMatchObject({ status: 'anonymous', account: null, accessToken: null });
  });
});

describe('callWithAuth', () => {
  const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn() });
  // The API answers 401 to the stale token and succeeds with the refreshed one.
  const api = jest.fn((token: string | null, id: string) =>
    token === 'access-token' ? Promise.reject(unauthorized()) : Promise.resolve(`${id} for ${token}`),
  );
  beforeEach(() => api.mockClear());

  function* fetchOne(id: string): SagaIterator {
    const result: string = yield* callWithAuth(api, id);
    yield put({ type: 'test/result', payload: result });
  }

  it('refreshes once on a 401 and retries with the new token', async () => {
    await expectSaga(function* () {
      yield fork(authSaga);
      yield* fetchOne('order-1');
    })
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(refreshStoredSession), pair(2)], [matchers.call.fn(authApi.me), account]])
      .put(sessionRefreshRequested())
      .put(tokensRefreshed({ accessToken: 'access-2' }))
      .put({ type: 'test/result', payload: 'order-1 for access-2' })
      .silentRun(100);
    expect(api.mock.calls).toEqual([
      ['access-token', 'order-1'],
      ['access-2', 'order-1'],
    ]);
  });

  it('shares one refresh between requests that fail together (a reused refresh token revokes the session)', async () => {
    let refreshes = 0;
    const slowRefresh = dynamic(() => {
      refreshes += 1;
      return new Promise<TokenPair>((resolve) => setTimeout(() => resolve(pair(3)), 20));
    });
    await expectSaga(function* () {
      yield fork(authSaga);
      yield all([fork(fetchOne, 'a'), fork(fetchOne, 'b')]);
    })
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(refreshStoredSession), slowRefresh], [matchers.call.fn(authApi.me), account]])
      .put({ type: 'test/result', payload: 'a for access-3' })
      .put({ type: 'test/result', payload: 'b for access-3' })
      .silentRun(200);
    expect(refreshes).toBe(1);
  });

  it('gives up after the refresh fails and surfaces a 401', async () => {
    const result = await expectSaga(function* () {
      yield fork(authSaga);
      try {
        yield* fetchOne('x');
      } catch (err) {
        yield put({ type: 'test/failed', payload: (err as ApiRequestError).status });
      }
    })
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(refreshStoredSession), null]])
      .put(sessionExpired())
      .put({ type: 'test/failed', payload: 401 })
      .silentRun(100);
    expect(result.storeState.auth.status).toBe('anonymous');
  });
});
