import { buildEnvelope, examplePayloads } from '@roastery/contracts/testing';
import { partnerActivated } from '@roastery/contracts';
import { Keyring } from '@roastery/crypto';
import { createTestApp, type TestApp, TestIssuer, waitFor } from '@roastery/testing';
import { importJWK, SignJWT } from 'jose';
import { createApp } from '../src/app';

describe('user-service identity (HTTP + RabbitMQ, real PostgreSQL and Redis)', () => {
  let t: TestApp;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'user', env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '12' } });
  });
  afterAll(() => t.close());

  const email = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const countAccounts = async () => Number((await t.db.query('SELECT count(*) FROM accounts'))[0].count);

  async function signupAndLogin(tag: string) {
    const e = email(tag);
    const signup = await t.http.post('/api/auth/signup', { email: e, password, name: '김하늘' });
    expect(signup.status).toBe(201);
    const login = await t.http.post('/api/auth/login', { email: e, password });
    expect(login.status).toBe(200);
    return { email: e, id: signup.body.id as string, ...(login.body as { accessToken: string; refreshToken: string }) };
  }

  it('signs up a subscriber, stores an argon2id hash and announces the account', async () => {
    const e = email('New.User');
    const res = await t.http.post('/api/auth/signup', { email: e, password, name: '김하늘' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: e.toLowerCase(), name: '김하늘', roles: ['SUBSCRIBER'], partnerIds: [] });
    expect(res.body.passwordHash).toBeUndefined();
    const [row] = await t.db.query('SELECT password_hash FROM accounts WHERE id = $1', [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const event = await t.bus.waitForMessage('user.registered', (m) => (m.payload as { userId: string }).userId === res.body.id);
    expect(event.source).toBe('user-service');
    expect(event.correlationId).toBe(res.headers.get('x-correlation-id'));
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const e = email('dupe');
    expect((await t.http.post('/api/auth/signup', { email: e, password, name: 'A' })).status).toBe(201);
    const again = await t.http.post('/api/auth/signup', { email: e.toUpperCase(), password, name: 'B' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  describe('bad input is a 400 in the API error shape and writes nothing', () => {
    it.each([
      ['an unknown field', { email: 'x@example.com', password, name: 'A', isAdmin: true }, 'isAdmin'],
      ['a missing field', { email: 'x@example.com', password }, 'name'],
      ['a wrong type', { email: 'x@example.com', password: 12345678901, name: 'A' }, 'password'],
      ['a malformed e-mail', { email: 'not-an-email', password, name: 'A' }, 'email'],
      ['a too-short password', { email: 'x@example.com', password: 'short', name: 'A' }, 'password'],
    ])('%s', async (_what, body, path) => {
      const before = await countAccounts();
      const res = await t.http.post('/api/auth/signup', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await countAccounts()).toBe(before);
    });

    it('an oversized body', async () => {
      const before = await countAccounts();
      const res = await t.http.post('/api/auth/signup', { email: 'big@example.com', password, name: 'x'.repeat(200_000) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BODY_TOO_LARGE');
      expect(await countAccounts()).toBe(before);
    });

    it('malformed JSON', async () => {
      const res = await t.http.request('POST', '/api/auth/signup', { rawBody: '{"email": ' });
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
    });
  });

  it('signs in, shows the account at /api/me, and refuses a wrong password', async () => {
    const s = await signupAndLogin('me');
    const me = await t.http.get('/api/me', { token: s.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: s.id, roles: ['SUBSCRIBER'] });
    const wrong = await t.http.post('/api/auth/login', { email: s.email, password: 'wrong password!!' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const unknown = await t.http.post('/api/auth/login', { email: email('nobody'), password });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  describe('tokens', () => {
    it('publishes ES256 keys and rejects tampered, foreign, expired and missing tokens with 401', async () => {
      const s = await signupAndLogin('tok');
      const jwks = await t.http.get('/.well-known/jwks.json');
      expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256', use: 'sig' });
      expect(jwks.body.keys[0].d).toBeUndefined();

      const [h, p, sig] = s.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url')}.${sig}`;
      expect((await t.http.get('/api/me', { token: tampered })).status).toBe(401);

      // Well-formed, but signed by a key user-service never published.
      const stranger = await TestIssuer.start();
      const foreign = await stranger.token({ userId: claims.sub, roles: ['ADMIN'] });
      await stranger.close();
      expect((await t.http.get('/api/me', { token: foreign })).status).toBe(401);

      // An expired token signed with the service's own key: only the expiry is wrong.
      const [key] = await t.db.query('SELECT kid, private_jwk_enc FROM signing_keys WHERE retired_at IS NULL');
      const keyring = t.app.get(Keyring);
      const privateKey = await importJWK(JSON.parse(keyring.decrypt(key.private_jwk_enc, key.kid)), 'ES256');
      const expired = await new SignJWT({ roles: ['SUBSCRIBER'], pids: [] })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
        .setSubject(claims.sub)
        .setIssuer(claims.iss)
        .setAudience(claims.aud)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(privateKey);
      const res = await t.http.get('/api/me', { token: expired });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });

      expect((await t.http.get('/api/me')).status).toBe(401);
      expect((await t.http.get('/api/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    });

    it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
      const s = await signupAndLogin('rot');
      const first = await t.http.post('/api/auth/refresh', { refreshToken: s.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(s.refreshToken);
      const second = await t.http.post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);

      // An attacker replays the first token: refused, and the family is burnt.
      const replay = await t.http.post('/api/auth/refresh', { refreshToken: s.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
      const legit = await t.http.post('/api/auth/refresh', { refreshToken: second.body.refreshToken });
      expect(legit.status).toBe(401);

      // Another session of the same account is untouched.
      const other = await t.http.post('/api/auth/login', { email: s.email, password });
      expect((await t.http.post('/api/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(200);
    });

    it('stores only hashes of refresh tokens', async () => {
      const s = await signupAndLogin('hash');
      const rows = await t.db.query('SELECT token_hash FROM refresh_tokens WHERE account_id = $1', [s.id]);
      expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(s.refreshToken);
    });

    it('logout revokes the session, with or without a live access token', async () => {
      const s = await signupAndLogin('out');
      expect((await t.http.post('/api/auth/logout', { refreshToken: s.refreshToken }, { token: s.accessToken })).status).toBe(204);
      expect((await t.http.post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
      const again = await t.http.post('/api/auth/login', { email: s.email, password });
      expect((await t.http.post('/api/auth/logout', { refreshToken: again.body.refreshToken })).status).toBe(204);
      expect((await t.http.post('/api/auth/refresh', { refreshToken: again.body.refreshToken })).status).toBe(401);
    });
  });

  describe('sign-in rate limits', () => {
    it('answers 429 with Retry-After after five wrong passwords for one account in a minute', async () => {
      const s = await signupAndLogin('brute');
      for (let i = 0; i < 5; i++) {
        expect((await t.http.post('/api/auth/login', { email: s.email, password: `wrong-${i}-password` })).status).toBe(401);
      }
      const locked = await t.http.post('/api/auth/login', { email: s.email, password });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('RATE_LIMITED');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('limits one address across many accounts at a higher threshold', async () => {
      const addr = { 'x-forwarded-for': '203.0.113.77' };
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++) {
        statuses.push((await t.http.post('/api/auth/login', { email: email(`spray${i}`), password }, { headers: addr })).status);
      }
      expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
      expect(statuses[12]).toBe(429);
      // Another address is not affected.
      const elsewhere = await t.http.post('/api/auth/login', { email: email('x'), password }, { headers: { 'x-forwarded-for': '203.0.113.78' } });
      expect(elsewhere.status).toBe(401);
    });
  });

  describe('partner role from business-service events', () => {
    it('grants PARTNER on partner.activated, once, and the next token carries the partner id', async () => {
      const s = await signupAndLogin('partner');
      const payload = { ...(examplePayloads['partner.activated'] as object), memberUserId: s.id, partnerId: '01a1fd60-0000-7000-8000-0000000000aa' };
      const envelope = buildEnvelope(partnerActivated, payload as never, { source: 'business-service' });
      await t.bus.publishRaw(partnerActivated.type, envelope);
      await waitFor(async () => ((await t.http.get('/api/me', { token: s.accessToken })).body.roles as string[]).includes('PARTNER'), 'PARTNER role');

      // The same message again (a redelivery) changes nothing.
      await t.bus.publishRaw(partnerActivated.type, envelope);
      await waitFor(async () => Number((await t.db.query('SELECT count(*) FROM inbox WHERE message_id = $1', [envelope.id]))[0].count) === 1 || undefined, 'inbox row');
      const me = await t.http.get('/api/me', { token: s.accessToken });
      expect(me.body.roles).toEqual(['SUBSCRIBER', 'PARTNER']);
      expect(me.body.partnerIds).toEqual(['01a1fd60-0000-7000-8000-0000000000aa']);

      const refreshed = await t.http.post('/api/auth/refresh', { refreshToken: s.refreshToken });
      const claims = JSON.parse(Buffer.from(refreshed.body.accessToken.split('.')[1], 'base64url').toString());
      expect(claims.roles).toContain('PARTNER');
      expect(claims.pids).toEqual(['01a1fd60-0000-7000-8000-0000000000aa']);
    });
  });

  it('runs as several instances: one signing key, and each accepts the others\' tokens', async () => {
    const second = await createApp(t.env);
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = second.getHttpServer().address() as { port: number };
      const s = await signupAndLogin('replica');
      const viaSecond = await fetch(`http://127.0.0.1:${address.port}/api/me`, { headers: { authorization: `Bearer ${s.accessToken}` } });
      expect(viaSecond.status).toBe(200);
      const [{ count }] = await t.db.query('SELECT count(*) FROM signing_keys WHERE retired_at IS NULL');
      expect(Number(count)).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('serves /health, /metrics and the OpenAPI document', async () => {
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ database: 'ok', redis: 'ok', rabbitmq: 'ok' });
    const metrics = await t.http.get('/metrics');
    expect(metrics.body).toContain('http_request_duration_seconds');
    const docs = await t.http.get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/signup', '/api/auth/login', '/api/me']));
  });
});
