import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '@roastery/contracts';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@roastery/auth';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

type SigningKey = Parameters<SignJWT['sign']>[0];

/**
 * Stands in for user-service's token issuing in a single service's tests: serves a JWKS over HTTP
 * (so the service under test verifies exactly as in production) and mints tokens.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    private readonly key: SigningKey,
    private readonly kid: string,
    readonly url: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `test-${Math.random().toString(36).slice(2, 8)}`;
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    const server = createServer((req, res) => {
      if (req.url === '/.well-known/jwks.json') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return new TestIssuer(server, privateKey, kid, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  /** Mints an access token like user-service's. */
  token(claims: { userId: string; roles?: Role[]; partnerIds?: string[] }, expiresIn: string | number = '5m'): Promise<string> {
    return new SignJWT({ roles: claims.roles ?? ['SUBSCRIBER'], pids: claims.partnerIds ?? [] })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'at+jwt' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.key);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
