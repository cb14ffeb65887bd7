/**
 * The refresh token lives in localStorage so a reload stays signed in; the access token never
 * leaves memory (docs/adr/0006-web-session-tokens.md).
 */
const KEY = 'roastery.refreshToken';

export const tokenStorage = {
  /** The stored refresh token, or null (also when storage is unavailable, e.g. blocked cookies). */
  read(): string | null {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  write(refreshToken: string): void {
    try {
      window.localStorage.setItem(KEY, refreshToken);
    } catch {
      // Storage full or disabled: the session still works until the tab closes.
    }
  },
  clear(): void {
    try {
      window.localStorage.removeItem(KEY);
    } catch {
      // Nothing to clear.
    }
  },
};

/**
 * Runs `fn` while holding a lock shared by every tab of this origin. Refresh tokens rotate and a
 * reused one revokes the whole family, so two tabs must never refresh with the same token at once.
 * Falls back to running directly where the Web Locks API is missing.
 */
export async function withSessionLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request('roastery.session', () => fn());
}
