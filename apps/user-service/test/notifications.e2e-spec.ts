import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK, SharedClock } from '@roastery/clock';
import type { NoticeData, NotificationDto } from '@roastery/contracts';
import { createTestApp, type TestApp } from '@roastery/testing';
import { createApp } from '../src/app';
import { InvalidNoticeError, NotificationsService } from '../src/notifications/notifications.service';

describe('user-service notices (producers in their transactions, HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let service: NotificationsService;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'user-notifications' });
    service = t.app.get(NotificationsService);
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

  const preCharge = (o: Partial<NoticeData['PRE_CHARGE']> = {}): NoticeData['PRE_CHARGE'] => ({
    subscriptionId: randomUUID(),
    itemName: '에티오피아 예가체프 200g',
    billingDate: '2026-11-24',
    amountWon: 12_900,
    ...o,
  });
  const notifyPreCharge = (accountId: string, dedupeKey: string = randomUUID(), data = preCharge()) =>
    t.db.transaction((em) => service.notify(em, { accountId, kind: 'PRE_CHARGE', dedupeKey, data }));
  const list = async (token: string, query = '') => {
    const res = await t.http.get(`/api/me/notifications${query}`, { token });
    expect(res.status).toBe(200);
    return res.body as { items: NotificationDto[]; page: number; size: number; total: number; unread: number };
  };
  const rowsOf = async (accountId: string) =>
    (await t.db.query('SELECT id, kind, data, dedupe_key, read_at FROM notifications WHERE account_id = $1 ORDER BY id', [accountId])) as Record<string, unknown>[];

  it('records a notice in the caller’s transaction and lists it rendered, with the clock’s time', async () => {
    const me = await subscriber('notify');
    const clock = t.app.get<Clock>(CLOCK);
    // Tests move a shared clock: the notice is stamped with its time, not the database's.
    expect(clock).toBeInstanceOf(SharedClock);
    const target = new Date(Date.now() + 10 * 86_400_000);
    await (clock as SharedClock).advanceTo(target);

    const data = preCharge();
    await notifyPreCharge(me.id, `PRE_CHARGE:${data.subscriptionId}:${data.billingDate}`, data);

    const page = await list(me.token);
    expect(page).toMatchObject({ page: 1, size: 20, total: 1, unread: 1 });
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      kind: 'PRE_CHARGE',
      title: '정기구독 결제 예정 안내',
      body: expect.stringContaining('2026년 11월 24일 (화)에 12,900원 결제될 예정입니다.'),
      data,
      createdAt: expect.any(String),
      readAt: null,
    });
    const createdAt = new Date(page.items[0].createdAt).getTime();
    expect(createdAt).toBeGreaterThanOrEqual(target.getTime());
    expect(createdAt).toBeLessThan(target.getTime() + 60_000);
  });

  it('notifies once per dedupe key, even when the step is retried or races itself', async () => {
    const me = await subscriber('dedupe');
    const key = `PAYMENT_FAILED:${randomUUID()}:1:1`;
    const data: NoticeData['PAYMENT_FAILED'] = {
      subscriptionId: randomUUID(),
      orderId: randomUUID(),
      itemName: '케냐 AA 500g',
      amountWon: 31_500,
      reason: 'CARD_DECLINED',
      nextRetryDate: '2026-11-25',
      finalAttempt: false,
    };
    const notify = () => t.db.transaction((em) => service.notify(em, { accountId: me.id, kind: 'PAYMENT_FAILED', dedupeKey: key, data }));
    await notify();
    await notify();
    await Promise.all([notify(), notify(), notify()]);
    const rows = await rowsOf(me.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'PAYMENT_FAILED', dedupe_key: key, data });
    expect((await list(me.token)).total).toBe(1);
  });

  it('a rolled-back transaction leaves no notice, and the key stays free for the retry', async () => {
    const me = await subscriber('rollback');
    const key = `CHARGED:${randomUUID()}`;
    const data: NoticeData['CHARGED'] = { subscriptionId: null, orderId: randomUUID(), itemName: '드립백 세트', amountWon: 9_900, cardCompany: '신한', maskedNumber: '53651234****567*' };
    await expect(
      t.db.transaction(async (em) => {
        await service.notify(em, { accountId: me.id, kind: 'CHARGED', dedupeKey: key, data });
        throw new Error('the charge step failed after notifying');
      }),
    ).rejects.toThrow('the charge step failed');
    expect(await rowsOf(me.id)).toEqual([]);

    await t.db.transaction((em) => service.notify(em, { accountId: me.id, kind: 'CHARGED', dedupeKey: key, data }));
    expect(await rowsOf(me.id)).toHaveLength(1);
  });

  it('refuses data that breaks the kind’s contract, rolling the producer back', async () => {
    const me = await subscriber('invalid');
    const bad = [
      { kind: 'PRE_CHARGE', data: preCharge({ amountWon: 12.5 }) },
      { kind: 'PRE_CHARGE', data: preCharge({ billingDate: '24.11.2026' }) },
      { kind: 'PRE_CHARGE', data: { ...preCharge(), extra: true } },
      { kind: 'PAST_DUE', data: { subscriptionId: randomUUID(), itemName: 'x', failedCycles: 0 } },
      { kind: 'NOT_A_KIND', data: {} },
    ];
    for (const { kind, data } of bad) {
      await expect(
        t.db.transaction((em) => service.notify(em, { accountId: me.id, kind: kind as 'PRE_CHARGE', dedupeKey: randomUUID(), data: data as NoticeData['PRE_CHARGE'] })),
      ).rejects.toBeInstanceOf(InvalidNoticeError);
    }
    await expect(notifyPreCharge(me.id, '')).rejects.toBeInstanceOf(InvalidNoticeError);
    expect(await rowsOf(me.id)).toEqual([]);
  });

  it('lists newest first in pages, filters unread and counts them', async () => {
    const me = await subscriber('paging');
    const clock = t.app.get<Clock>(CLOCK) as SharedClock;
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      // Each one later on the shared clock than the one before.
      await clock.advanceTo(new Date(clock.now().getTime() + 60_000));
      keys.push(`k-${i}-${randomUUID()}`);
      await notifyPreCharge(me.id, keys[i], preCharge({ amountWon: 10_000 + i }));
    }
    const first = await list(me.token, '?size=2');
    expect(first).toMatchObject({ page: 1, size: 2, total: 5, unread: 5 });
    expect(first.items.map((n) => (n.data as NoticeData['PRE_CHARGE']).amountWon)).toEqual([10_004, 10_003]);
    const third = await list(me.token, '?size=2&page=3');
    expect(third.items.map((n) => (n.data as NoticeData['PRE_CHARGE']).amountWon)).toEqual([10_000]);
    expect(await list(me.token, '?page=4&size=2')).toMatchObject({ items: [], total: 5, unread: 5 });

    // Read two, then ask for unread ones only.
    for (const n of first.items) expect((await t.http.post(`/api/me/notifications/${n.id}/read`, undefined, { token: me.token })).status).toBe(200);
    const unread = await list(me.token, '?unread=true');
    expect(unread).toMatchObject({ total: 3, unread: 3 });
    expect(unread.items.map((n) => (n.data as NoticeData['PRE_CHARGE']).amountWon)).toEqual([10_002, 10_001, 10_000]);
    expect(await list(me.token, '?unread=false')).toMatchObject({ total: 5, unread: 3 });
  });

  it('marks one read idempotently, and all read', async () => {
    const me = await subscriber('read');
    await notifyPreCharge(me.id);
    await notifyPreCharge(me.id);
    const [newest, older] = (await list(me.token)).items;

    const read = await t.http.post(`/api/me/notifications/${newest.id}/read`, undefined, { token: me.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: newest.id, kind: 'PRE_CHARGE', readAt: expect.any(String) });
    const again = await t.http.post(`/api/me/notifications/${newest.id}/read`, undefined, { token: me.token });
    expect(again.status).toBe(200);
    // The first read time stays.
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(await list(me.token)).toMatchObject({ unread: 1 });

    const all = await t.http.post('/api/me/notifications/read-all', undefined, { token: me.token });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 1, unread: 0 });
    const after = await list(me.token);
    expect(after.unread).toBe(0);
    expect(after.items.find((n) => n.id === older.id)?.readAt).toEqual(expect.any(String));
    expect(after.items.find((n) => n.id === newest.id)?.readAt).toBe(read.body.readAt);
    expect((await t.http.post('/api/me/notifications/read-all', undefined, { token: me.token })).body).toEqual({ marked: 0, unread: 0 });
  });

  it("another account's notice is a 404 and stays unread; read-all touches only the caller's", async () => {
    const owner = await subscriber('owner');
    const other = await subscriber('other');
    await notifyPreCharge(owner.id);
    await notifyPreCharge(other.id);
    const [theirs] = (await list(owner.token)).items;

    const res = await t.http.post(`/api/me/notifications/${theirs.id}/read`, undefined, { token: other.token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    for (const id of ['not-a-uuid', '00000000-0000-7000-8000-000000000000']) {
      expect((await t.http.post(`/api/me/notifications/${id}/read`, undefined, { token: owner.token })).status).toBe(404);
    }
    expect((await t.http.post('/api/me/notifications/read-all', undefined, { token: other.token })).body).toEqual({ marked: 1, unread: 0 });
    const mine = await list(owner.token);
    expect(mine).toMatchObject({ total: 1, unread: 1 });
    expect(mine.items[0].readAt).toBeNull();
    expect((await list(other.token)).items.map((n) => n.id)).not.toContain(theirs.id);
  });

  it.each([
    ['a page of 0', '?page=0', 'page'],
    ['a size above 100', '?size=101', 'size'],
    ['a size that is not a number', '?size=ten', 'size'],
    ['unread that is not a boolean', '?unread=yes', 'unread'],
    ['an unknown parameter', '?kind=PRE_CHARGE', 'kind'],
  ])('answers %s with a 400', async (_what, query, path) => {
    const me = await subscriber('bad');
    const res = await t.http.get(`/api/me/notifications${query}`, { token: me.token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('needs a signed-in caller', async () => {
    expect((await t.http.get('/api/me/notifications')).status).toBe(401);
    expect((await t.http.post('/api/me/notifications/read-all', undefined)).status).toBe(401);
  });

  it('eraseAllOf removes the account’s notices in the caller’s transaction', async () => {
    const me = await subscriber('erase');
    await notifyPreCharge(me.id);
    await t.db.transaction((em) => service.eraseAllOf(em, me.id));
    expect(await rowsOf(me.id)).toEqual([]);
  });
});
