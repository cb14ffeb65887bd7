import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal';
import { TokenVerifier } from './token-verifier';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function sign(key: Parameters<SignJWT['sign']>[0], kid: string, claims: Record<string, unknown> = {}, exp: string | number = '5m') {
  return new SignJWT({ roles: ['SUBSCRIBER'], pids: [], ...claims })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
    .setSubject('0190a8e2-0000-7000-8000-000000000001')
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
}

describe('TokenVerifier', () => {
  it('accepts a token signed by a published key and reads roles and partner ids', async () => {
    const k = await keyPair('k1');
    const v = TokenVerifier.local(() => ({ keys: [k.jwk] }));
    const p = await v.verify(await sign(k.privateKey, 'k1', { roles: ['SUBSCRIBER', 'PARTNER', 'ROOT'], pids: ['p1'] }));
    expect(p).toEqual({ userId: '0190a8e2-0000-7000-8000-000000000001', roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: ['p1'] });
  });

  it('rejects a token signed by a key that is not published', async () => {
    const k = await keyPair('k1');
    const other = await keyPair('k1');
    const v = TokenVerifier.local(() => ({ keys: [k.jwk] }));
    await expect(v.verify(await sign(other.privateKey, 'k1'))).rejects.toThrow('token invalid');
  });

  it('rejects an expired token', async () => {
    const k = await keyPair('k1');
    const v = TokenVerifier.local(() => ({ keys: [k.jwk] }));
    const t = await sign(k.privateKey, 'k1', {}, Math.floor(Date.now() / 1000) - 60);
    await expect(v.verify(t)).rejects.toThrow('token expired');
  });

  it('rejects a tampered payload', async () => {
    const k = await keyPair('k1');
    const v = TokenVerifier.local(() => ({ keys: [k.jwk] }));
    const [h, p, s] = (await sign(k.privateKey, 'k1')).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['ADMIN'] })).toString('base64url');
    await expect(v.verify(`${h}.${forged}.${s}`)).rejects.toThrow('token invalid');
  });

  it('rejects alg=none and HS256 tokens', async () => {
    const k = await keyPair('k1');
    const v = TokenVerifier.local(() => ({ keys: [k.jwk] }));
    const none = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    await expect(v.verify(none)).rejects.toThrow('token invalid');
  });
});
