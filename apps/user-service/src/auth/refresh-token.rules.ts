/** What to do with a presented refresh token. */
export type RefreshDecision =
  | { kind: 'rotate' }
  | { kind: 'reuse' } // already used or revoked: the family is compromised
  | { kind: 'expired' };

export interface RefreshTokenState {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * Rotation with reuse detection (OAuth 2.0 Security BCP §4.14): a refresh token is good exactly
 * once. Presenting one that was already exchanged — or that belongs to a revoked family — means
 * someone else holds a copy, so the caller must revoke the whole family.
 */
export function decideRefresh(token: RefreshTokenState, now: Date): RefreshDecision {
  if (token.usedAt !== null || token.revokedAt !== null) return { kind: 'reuse' };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
  return { kind: 'rotate' };
}
