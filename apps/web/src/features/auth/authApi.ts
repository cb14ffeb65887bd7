import type { AccountDto, LoginRequest, SignupRequest, TokenPair } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';
import { tokenStorage, withSessionLock } from '../../common/tokenStorage';

/** HTTP calls of user-service's auth and account endpoints. */
export const authApi = {
  signup: (body: SignupRequest) => apiRequest<AccountDto>('/api/auth/signup', { method: 'POST', body }),
  login: (body: LoginRequest) => apiRequest<TokenPair>('/api/auth/login', { method: 'POST', body }),
  refresh: (refreshToken: string) => apiRequest<TokenPair>('/api/auth/refresh', { method: 'POST', body: { refreshToken } }),
  logout: (refreshToken: string, token: string | null) =>
    apiRequest<void>('/api/auth/logout', { method: 'POST', body: { refreshToken }, token }),
  me: (token: string) => apiRequest<AccountDto>('/api/me', { token }),
};

/**
 * Rotates the stored refresh token under the cross-tab lock: reads the token only once the lock is
 * held (another tab may just have rotated it), stores the new one before releasing the lock.
 * Resolves null when there is no stored session.
 */
export function refreshStoredSession(): Promise<TokenPair | null> {
  return withSessionLock(async () => {
    const refreshToken = tokenStorage.read();
    if (!refreshToken) return null;
    const pair = await authApi.refresh(refreshToken);
    tokenStorage.write(pair.refreshToken);
    return pair;
  });
}
