import { decideRefresh } from './refresh-token.rules';

const now = new Date('2026-11-21T00:00:00Z');
const later = new Date('2026-12-21T00:00:00Z');

describe('decideRefresh', () => {
  it('rotates a fresh, unused token', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toEqual({ kind: 'rotate' });
  });

  it('treats a second use as reuse', () => {
    expect(decideRefresh({ usedAt: now, revokedAt: null, expiresAt: later }, now)).toEqual({ kind: 'reuse' });
  });

  it('treats a token of a revoked family (e.g. after logout) as reuse', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: now, expiresAt: later }, now)).toEqual({ kind: 'reuse' });
  });

  it('refuses an expired token', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toEqual({ kind: 'expired' });
  });

  it('reports reuse before expiry, so a stolen old token still burns the family', () => {
    expect(decideRefresh({ usedAt: new Date(0), revokedAt: null, expiresAt: new Date(1) }, now)).toEqual({ kind: 'reuse' });
  });
});
