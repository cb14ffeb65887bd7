import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal';
import { TokenVerifier } from './token-verifier';

type SigningKey = Parameters<SignJWT['sign']>[0];

describe('TokenVerifier.remote (JWKS over HTTP)', () => {
  let server: Server;
  let url: string;
  let published: JWK[] = [];
  let fetches = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function newKey(kid: string): Promise<{ key: SigningKey; jwk: JWK }> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    return { key: privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
  }
  const sign = (key: SigningKey, kid: string) =>
    new SignJWT({ roles: ['SUBSCRIBER'], pids: [] })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setSubject('01a1fd60-0000-7000-8000-000000000001')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(key);

  it('caches the key set and fetches it again when a token names a new key id (rotation)', async () => {
    const k1 = await newKey('k1');
    published = [k1.jwk];
    const verifier = TokenVerifier.remote(url, { cooldownMs: 0 });

    await verifier.verify(await sign(k1.key, 'k1'));
    await verifier.verify(await sign(k1.key, 'k1'));
    expect(fetches).toBe(1);

    const k2 = await newKey('k2');
    published = [k2.jwk, k1.jwk];
    await expect(verifier.verify(await sign(k2.key, 'k2'))).resolves.toMatchObject({ roles: ['SUBSCRIBER'] });
    expect(fetches).toBe(2);
    // Tokens of the retired key still verify while it stays published.
    await expect(verifier.verify(await sign(k1.key, 'k1'))).resolves.toBeDefined();
  });

  it('refuses a token whose key id the issuer never published', async () => {
    const stray = await newKey('stray');
    await expect(TokenVerifier.remote(url, { cooldownMs: 0 }).verify(await sign(stray.key, 'stray'))).rejects.toThrow('token invalid');
  });
});
