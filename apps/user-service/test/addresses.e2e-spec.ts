import { MAX_ADDRESSES_PER_ACCOUNT } from '@roastery/contracts';
import { ApiException } from '@roastery/http';
import { createTestApp, type TestApp } from '@roastery/testing';
import { AddressesService } from '../src/addresses/addresses.service';
import { createApp } from '../src/app';

describe('user-service shipping addresses (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'user-addresses' });
  });
  afterAll(() => t.close());

  async function subscriber(tag: string): Promise<{ id: string; token: string }> {
    const email = `${tag}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const signup = await t.http.post('/api/auth/signup', { email, password, name: '김하늘' });
    expect(signup.status).toBe(201);
    const login = await t.http.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    return { id: signup.body.id as string, token: login.body.accessToken as string };
  }

  const home = { label: '집', recipient: '김하늘', phone: '010-1234-5678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' };
  const office = { label: '회사', recipient: '김하늘', phone: '02 312 3456', postalCode: '06236', line1: '서울 강남구 테헤란로 152', line2: '' };

  const add = (token: string, body: Record<string, unknown>) => t.http.post('/api/me/addresses', body, { token });
  const list = async (token: string) => {
    const res = await t.http.get('/api/me/addresses', { token });
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; label: string | null; isDefault: boolean }[]; page: number; size: number; total: number };
  };
  const rowsOf = async (accountId: string) =>
    (await t.db.query('SELECT id, is_default, recipient, phone, postal_code, line1, line2, label FROM addresses WHERE account_id = $1 ORDER BY id', [accountId])) as Record<string, unknown>[];

  it('saves the first address as the default, normalised, and lists it', async () => {
    const me = await subscriber('first');
    const res = await add(me.token, home);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      label: '집',
      recipient: '김하늘',
      phone: '01012345678',
      postalCode: '04524',
      line1: '서울 중구 세종대로 110',
      line2: '3층',
      isDefault: true,
      createdAt: expect.any(String),
    });
    const second = await add(me.token, { ...office, label: '' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ label: null, phone: '023123456', line2: '', isDefault: false });
    const noLine2 = await add(me.token, { recipient: '박민수', phone: '01099998888', postalCode: '48058', line1: '부산 해운대구 센텀중앙로 79' });
    expect(noLine2.status).toBe(201);
    expect(noLine2.body).toMatchObject({ label: null, line2: '', isDefault: false });

    const page = await list(me.token);
    expect(page).toMatchObject({ page: 1, total: 3 });
    // Default first, then newest.
    expect(page.items.map((a) => a.id)).toEqual([res.body.id, noLine2.body.id, second.body.id]);
    const one = await t.http.get(`/api/me/addresses/${String(res.body.id)}`, { token: me.token });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(res.body);
  });

  describe('bad input is a 400 and writes nothing', () => {
    it.each([
      ['an unknown field', { ...home, floor: 3 }, 'floor'],
      ['a missing recipient', { ...home, recipient: undefined }, 'recipient'],
      ['a blank recipient', { ...home, recipient: '   ' }, 'recipient'],
      ['a recipient over 50 characters', { ...home, recipient: '가'.repeat(51) }, 'recipient'],
      ['a phone that is not Korean digits', { ...home, phone: '+1 555 123 4567' }, 'phone'],
      ['a phone with letters', { ...home, phone: '010-ABCD-5678' }, 'phone'],
      ['a 4-digit postal code', { ...home, postalCode: '1234' }, 'postalCode'],
      ['a postal code with letters', { ...home, postalCode: '0452a' }, 'postalCode'],
      ['a line1 over 200 characters', { ...home, line1: 'x'.repeat(201) }, 'line1'],
      ['a line2 over 200 characters', { ...home, line2: 'x'.repeat(201) }, 'line2'],
      ['a label over 20 characters', { ...home, label: 'x'.repeat(21) }, 'label'],
      ['a wrong type', { ...home, postalCode: 4524 }, 'postalCode'],
      ['isDefault not a boolean', { ...home, isDefault: 'yes' }, 'isDefault'],
    ])('%s', async (_what, body, path) => {
      const me = await subscriber('bad');
      expect((await add(me.token, home)).status).toBe(201);
      const before = await rowsOf(me.id);
      const res = await add(me.token, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await rowsOf(me.id)).toEqual(before);
    });
  });

  it('changes the default, keeping exactly one', async () => {
    const me = await subscriber('default');
    const a = (await add(me.token, home)).body;
    const b = (await add(me.token, office)).body;
    const res = await t.http.post(`/api/me/addresses/${String(b.id)}/default`, undefined, { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: b.id, isDefault: true });
    expect((await list(me.token)).items.map((x) => [x.id, x.isDefault])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    // Again: nothing changes.
    expect((await t.http.post(`/api/me/addresses/${String(b.id)}/default`, undefined, { token: me.token })).status).toBe(200);
    expect((await rowsOf(me.id)).filter((r) => r.is_default)).toHaveLength(1);

    // A new address asked to be the default takes it over.
    const c = await add(me.token, { ...home, label: '본가', isDefault: true });
    expect(c.body).toMatchObject({ isDefault: true });
    expect((await list(me.token)).items.filter((x) => x.isDefault).map((x) => x.id)).toEqual([c.body.id]);
  });

  it('deleting the default promotes the newest other address; deleting the last leaves none', async () => {
    const me = await subscriber('delete');
    const a = (await add(me.token, home)).body;
    const b = (await add(me.token, office)).body;
    const c = (await add(me.token, { ...office, label: '창고' })).body;
    // Make b the newest by time, so "newest" is not just "last inserted".
    await t.db.query(`UPDATE addresses SET created_at = now() + interval '1 minute' WHERE id = $1`, [b.id]);

    const del = await t.http.delete(`/api/me/addresses/${String(a.id)}`, { token: me.token });
    expect(del.status).toBe(204);
    expect((await list(me.token)).items.map((x) => [x.id, x.isDefault])).toEqual([
      [b.id, true],
      [c.id, false],
    ]);
    // Deleting a non-default one leaves the default alone.
    expect((await t.http.delete(`/api/me/addresses/${String(c.id)}`, { token: me.token })).status).toBe(204);
    expect((await list(me.token)).items.map((x) => [x.id, x.isDefault])).toEqual([[b.id, true]]);
    expect((await t.http.delete(`/api/me/addresses/${String(b.id)}`, { token: me.token })).status).toBe(204);
    expect(await list(me.token)).toMatchObject({ items: [], total: 0 });
    expect((await t.http.delete(`/api/me/addresses/${String(b.id)}`, { token: me.token })).status).toBe(404);
    // The next one is the default again.
    expect((await add(me.token, home)).body).toMatchObject({ isDefault: true });
  });

  it("another account's address is a 404 for every route and stays untouched", async () => {
    const owner = await subscriber('owner');
    const other = await subscriber('other');
    const mine = (await add(owner.token, home)).body;
    const theirs = (await add(owner.token, office)).body;
    expect((await add(other.token, home)).status).toBe(201);
    const before = await rowsOf(owner.id);

    for (const id of [mine.id, theirs.id]) {
      for (const res of [
        await t.http.get(`/api/me/addresses/${String(id)}`, { token: other.token }),
        await t.http.post(`/api/me/addresses/${String(id)}/default`, undefined, { token: other.token }),
        await t.http.delete(`/api/me/addresses/${String(id)}`, { token: other.token }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    }
    for (const id of ['not-a-uuid', '00000000-0000-7000-8000-000000000000']) {
      expect((await t.http.get(`/api/me/addresses/${id}`, { token: owner.token })).status).toBe(404);
      expect((await t.http.delete(`/api/me/addresses/${id}`, { token: owner.token })).status).toBe(404);
    }
    expect(await rowsOf(owner.id)).toEqual(before);
    expect((await list(other.token)).items).toHaveLength(1);
  });

  it(`keeps at most ${MAX_ADDRESSES_PER_ACCOUNT} per account, even when requests race`, async () => {
    const me = await subscriber('limit');
    const answers = await Promise.all(Array.from({ length: MAX_ADDRESSES_PER_ACCOUNT + 3 }, (_, i) => add(me.token, { ...home, label: `#${i}` })));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(MAX_ADDRESSES_PER_ACCOUNT);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r).toMatchObject({ status: 422, body: { code: 'INVALID_STATE' } });
    const rows = await rowsOf(me.id);
    expect(rows).toHaveLength(MAX_ADDRESSES_PER_ACCOUNT);
    expect(rows.filter((r) => r.is_default)).toHaveLength(1);

    // Deleting one makes room again.
    const page = await list(me.token);
    expect((await t.http.delete(`/api/me/addresses/${page.items[3].id}`, { token: me.token })).status).toBe(204);
    expect((await add(me.token, home)).status).toBe(201);
    expect((await add(me.token, home)).status).toBe(422);
  });

  it('a retried save with the same Idempotency-Key adds one address', async () => {
    const me = await subscriber('idem');
    const headers = { 'Idempotency-Key': `address-${me.id}` };
    const first = await t.http.post('/api/me/addresses', home, { token: me.token, headers });
    const again = await t.http.post('/api/me/addresses', home, { token: me.token, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await rowsOf(me.id)).toHaveLength(1);
    const other = await t.http.post('/api/me/addresses', office, { token: me.token, headers });
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('needs a signed-in caller', async () => {
    expect((await t.http.get('/api/me/addresses')).status).toBe(401);
    expect((await t.http.post('/api/me/addresses', home)).status).toBe(401);
  });

  it('findOwned / shipToOf give other features a copy of the own address, 404 otherwise', async () => {
    const owner = await subscriber('svc');
    const other = await subscriber('svc-other');
    const created = (await add(owner.token, home)).body;
    const service = t.app.get(AddressesService);
    expect(await service.findOwned(owner.id, created.id)).toEqual(created);
    expect(await t.db.transaction((em) => service.shipToOf(owner.id, created.id, em))).toEqual({
      recipient: '김하늘',
      phone: '01012345678',
      postalCode: '04524',
      line1: '서울 중구 세종대로 110',
      line2: '3층',
    });
    await expect(service.findOwned(other.id, created.id)).rejects.toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await expect(service.findOwned(owner.id, 'nope')).rejects.toBeInstanceOf(ApiException);

    await t.db.transaction((em) => service.eraseAllOf(em, owner.id));
    expect(await rowsOf(owner.id)).toEqual([]);
  });
});
