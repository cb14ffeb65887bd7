import type { Role } from '@roastery/contracts';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { type Principal, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal';

/** Thrown for any token that does not prove a principal; the message is safe to show. */
export class InvalidTokenError extends Error {}

const ROLE_SET = new Set<Role>(['SUBSCRIBER', 'PARTNER', 'ADMIN']);

/** Verifies access tokens and turns their claims into a Principal. */
export class TokenVerifier {
  constructor(private readonly keys: JWTVerifyGetKey) {}

  /**
   * Verifies against user-service's published keys. jose caches the set and fetches it again
   * when a token names a key id it has not seen (key rotation), with a cooldown against abuse.
   */
  static remote(jwksUrl: string, options: { cooldownMs?: number } = {}): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: options.cooldownMs ?? 5_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3_000 }));
  }

  /** Verifies against keys held in memory (user-service itself, which owns them). */
  static local(getKeys: () => JSONWebKeySet): TokenVerifier {
    return new TokenVerifier((header, token) => createLocalJWKSet(getKeys())(header, token));
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [TOKEN_ALG],
        typ: 'at+jwt',
        clockTolerance: 5,
      });
      const roles = Array.isArray(payload['roles']) ? (payload['roles'] as unknown[]).filter((r): r is Role => ROLE_SET.has(r as Role)) : [];
      const partnerIds = Array.isArray(payload['pids']) ? (payload['pids'] as unknown[]).filter((p): p is string => typeof p === 'string') : [];
      if (typeof payload.sub !== 'string') throw new InvalidTokenError('token has no subject');
      return { userId: payload.sub, roles, partnerIds };
    } catch (e) {
      if (e instanceof InvalidTokenError) throw e;
      if (e instanceof errors.JWTExpired) throw new InvalidTokenError('token expired');
      throw new InvalidTokenError('token invalid');
    }
  }
}
