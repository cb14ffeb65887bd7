import {
  type MessageEnvelope,
  type PartnerProductDto,
  partnerApplicationApproved,
  partnerReinstated,
  partnerSuspended,
  productMerged,
  productVersionApproved,
  productVersionRejected,
} from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { DEAD_LETTER_HEADERS, MessageBus } from '@roastery/messaging';
import { createTestApp, TEST_AMQP_URL, type TestApp, waitFor } from '@roastery/testing';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

interface PartnerUser {
  userId: string;
  partnerId: string;
  token: string;
}

const draft = {
  name: 'Ethiopia Yirgacheffe Konga',
  origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
  producer: 'Konga Washing Station',
  lot: 'Lot 7',
  variety: 'Heirloom',
  process: 'Washed',
  roastLevel: 'LIGHT',
  tastingNotes: ['jasmine', 'bergamot'],
  description: '꽃향과 밝은 산미. Floral and bright.',
  imageUrls: ['https://images.example.com/konga.jpg'],
  options: [
    { weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000, stock: 30 },
    { weightGrams: 500, grind: 'FILTER', priceWon: 39_000, stock: 10 },
  ],
};

describe('business-service partner products (HTTP + RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business-products', withIssuer: true });
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) FROM ${table}`))[0].count);
  const counts = () => Promise.all(['products', 'product_versions', 'product_options', 'outbox'].map(count));
  const publish = (e: MessageEnvelope) => t.bus.publishRaw(e.type, e);
  const get = (p: PartnerUser, id: string) => t.http.get<PartnerProductDto>(`/partner/products/${id}`, { token: p.token });
  const create = async (p: PartnerUser, body: object = draft): Promise<PartnerProductDto> => {
    const res = await t.http.post<PartnerProductDto>('/partner/products', body, { token: p.token });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** Polls the product until check accepts it. */
  const until = (p: PartnerUser, id: string, check: (dto: PartnerProductDto) => boolean, what: string) =>
    waitFor(async () => {
      const r = await get(p, id);
      return check(r.body) ? r.body : undefined;
    }, what);
  const versions = async (id: string) =>
    ((await t.db.query('SELECT version, status FROM product_versions WHERE product_id = $1 ORDER BY version', [id])) as Array<{ version: number; status: string }>).map((v) => `${v.version}:${v.status}`);
  const handled = (messageId: string) => waitFor(async () => Number((await t.db.query('SELECT count(*) FROM inbox WHERE message_id = $1', [messageId]))[0].count) > 0, `inbox row for ${messageId}`);

  const approval = (p: { id: string; partnerId: string }, version: number, catalogItemId: string, decidedAt = new Date()) =>
    buildEnvelope(productVersionApproved, { productId: p.id, partnerId: p.partnerId, version, catalogItemId, reviewerId: randomUUID(), autoApproved: false, decidedAt: decidedAt.toISOString() }, { aggregateId: p.id });
  const rejection = (p: { id: string; partnerId: string }, version: number, reason: string, decidedAt = new Date()) =>
    buildEnvelope(productVersionRejected, { productId: p.id, partnerId: p.partnerId, version, reason, reviewerId: randomUUID(), decidedAt: decidedAt.toISOString() }, { aggregateId: p.id });

  /** An active partner made the way production makes one: apply over HTTP, then the admin's approval event. */
  async function onboardedPartner(): Promise<PartnerUser> {
    const userId = randomUUID();
    const token = await t.issuer!.token({ userId });
    const applied = await t.http.post(
      '/partner/applications',
      { businessName: 'Bean Brothers Roastery', registrationNumber: '120-81-47521', representative: '이서준', phone: '010-1234-5678', email: 'owner@beanbros.kr', payoutBank: 'KB국민은행', payoutAccount: '123456-01-234567' },
      { token },
    );
    await publish(buildEnvelope(partnerApplicationApproved, { applicationId: applied.body.id, applicantUserId: userId, reviewerId: randomUUID(), decidedAt: new Date().toISOString() }));
    const activated = await t.bus.waitForMessage('partner.activated', (m) => (m.payload as { applicationId: string }).applicationId === applied.body.id);
    const partnerId = (activated.payload as { partnerId: string }).partnerId;
    // The token still says SUBSCRIBER with no partner ids: membership in the database decides.
    return { userId, partnerId, token };
  }

  /** An active partner inserted directly, for tests about something else. */
  async function partner(): Promise<PartnerUser> {
    const [userId, applicationId, partnerId] = [randomUUID(), randomUUID(), randomUUID()];
    await t.db.query(
      `INSERT INTO partner_applications (id, applicant_user_id, status, business_name, registration_number, representative, phone, email, payout_bank, payout_account_enc, payout_account_last4, attempt, partner_id, submitted_at, decided_at)
       VALUES ($1, $2, 'APPROVED', 'Hill Roasters', '1208147521', 'Kim', '01012345678', 'kim@hill.kr', 'KB', 'v1.x.y', '4567', 1, $3, now(), now())`,
      [applicationId, userId, partnerId],
    );
    await t.db.query(
      `INSERT INTO partners (id, application_id, business_name, registration_number, status, payout_bank, payout_account_enc, payout_account_last4, activated_at) VALUES ($1, $2, 'Hill Roasters', '1208147521', 'ACTIVE', 'KB', 'v1.x.y', '4567', now())`,
      [partnerId, applicationId],
    );
    await t.db.query(`INSERT INTO partner_members (partner_id, user_id, role, joined_at) VALUES ($1, $2, 'OWNER', now())`, [partnerId, userId]);
    return { userId, partnerId, token: await t.issuer!.token({ userId, roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [partnerId] }) };
  }

  async function approvedProduct(p: PartnerUser, body: object = draft): Promise<{ product: PartnerProductDto; catalogItemId: string }> {
    const product = await create(p, body);
    expect((await t.http.post(`/partner/products/${product.id}/submit`, undefined, { token: p.token })).status).toBe(200);
    const catalogItemId = randomUUID();
    await publish(approval(product, 1, catalogItemId));
    return { product: await until(p, product.id, (d) => d.status === 'APPROVED', 'approval applied'), catalogItemId };
  }

  it('takes a product from draft through two rounds of review; version 1 stays on sale while version 2 is reviewed', async () => {
    const p = await onboardedPartner();
    const { process: _process, roastLevel: _roast, ...incomplete } = draft;
    const created = await create(p, incomplete);
    expect(created).toMatchObject({ partnerId: p.partnerId, status: 'DRAFT', onSaleVersion: null, current: { version: 1, status: 'DRAFT', content: { process: '', roastLevel: null } } });
    const [o200, o500] = created.current.options;
    expect([o200.stock, o500.stock]).toEqual([30, 10]);
    for (const o of [o200, o500]) {
      const e = await t.bus.waitForMessage('product.stock.changed', (m) => (m.payload as { optionId: string }).optionId === o.id);
      expect(e.payload).toMatchObject({ productId: created.id, partnerId: p.partnerId, stock: o.stock, stockVersion: 1 });
    }

    // Submitting needs every field review needs.
    const before = await count('outbox');
    const refused = await t.http.post(`/partner/products/${created.id}/submit`, undefined, { token: p.token });
    expect(refused.status).toBe(422);
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['process', 'roastLevel']);
    expect(await count('outbox')).toBe(before);

    // A PATCH changes only the fields it sends.
    const edited = await t.http.patch(`/partner/products/${created.id}`, { process: 'Washed', roastLevel: 'LIGHT' }, { token: p.token });
    expect(edited.status).toBe(200);
    expect(edited.body.current).toMatchObject({ version: 1, status: 'DRAFT', content: { process: 'Washed', roastLevel: 'LIGHT', producer: 'Konga Washing Station', origin: { country: 'Ethiopia', region: 'Yirgacheffe' } } });

    const submitted = await t.http.post(`/partner/products/${created.id}/submit`, undefined, { token: p.token });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'IN_REVIEW', current: { version: 1, status: 'IN_REVIEW' } });
    const s1 = await t.bus.waitForMessage('product.version.submitted', (m) => m.aggregateId === created.id);
    expect(s1.payload).toMatchObject({ productId: created.id, partnerId: p.partnerId, version: 1, previousApproved: null, content: { name: draft.name, process: 'Washed', options: [{ id: o200.id, priceWon: 18_000 }, { id: o500.id }] } });
    expect(JSON.stringify(s1.payload)).not.toContain('"stock"');

    const locked = await t.http.patch(`/partner/products/${created.id}`, { description: 'too late' }, { token: p.token });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('in review') });

    const catalogItemId = randomUUID();
    await publish(approval(created, 1, catalogItemId));
    const approved = await until(p, created.id, (d) => d.status === 'APPROVED', 'version 1 approved');
    expect(approved).toMatchObject({ onSaleVersion: 1, current: { version: 1, status: 'APPROVED', rejectionReason: null } });

    // Editing an approved product starts version 2; version 1 stays on sale. Options: keep 200 g
    // (new price), drop 500 g (retired), add 1 kg (new id).
    const v2 = await t.http.patch(
      `/partner/products/${created.id}`,
      { description: 'New crop.', options: [{ id: o200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19_000 }, { weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 70_000, stock: 4 }] },
      { token: p.token },
    );
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ status: 'APPROVED', onSaleVersion: 1, current: { version: 2, status: 'DRAFT', content: { description: 'New crop.', name: draft.name } } });
    const [kept, added] = v2.body.current.options;
    expect(kept).toEqual({ id: o200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19_000, stock: 30 });
    expect(added).toMatchObject({ weightGrams: 1000, stock: 4 });
    expect([o200.id, o500.id]).not.toContain(added.id);
    expect(await versions(created.id)).toEqual(['1:APPROVED', '2:DRAFT']);

    expect((await t.http.post(`/partner/products/${created.id}/submit`, undefined, { token: p.token })).status).toBe(200);
    const s2 = await t.bus.waitForMessage('product.version.submitted', (m) => m.aggregateId === created.id && (m.payload as { version: number }).version === 2);
    expect(s2.payload).toMatchObject({ version: 2, previousApproved: { version: 1, content: { description: draft.description, options: [{ id: o200.id, priceWon: 18_000 }, { id: o500.id }] } } });
    expect(s2.aggregateVersion).toBeGreaterThan(s1.aggregateVersion);

    await publish(rejection(created, 2, '1 kg price looks like a typo <b>check</b>'));
    const rejected = await until(p, created.id, (d) => d.current.status === 'REJECTED', 'version 2 rejected');
    expect(rejected).toMatchObject({ status: 'APPROVED', onSaleVersion: 1, current: { version: 2, rejectionReason: '1 kg price looks like a typo <b>check</b>' } });

    // A rejected version is fixed in place and sent again.
    const fixed = await t.http.patch(`/partner/products/${created.id}`, { options: [{ id: o200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19_000 }, { id: added.id, weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 68_000 }] }, { token: p.token });
    expect(fixed.body.current).toMatchObject({ version: 2, status: 'REJECTED' });
    const resubmitted = await t.http.post(`/partner/products/${created.id}/submit`, undefined, { token: p.token });
    expect(resubmitted.body.current).toMatchObject({ version: 2, status: 'IN_REVIEW', rejectionReason: null });
    await waitFor(() => t.bus.received.filter((m) => m.type === 'product.version.submitted' && m.aggregateId === created.id).length === 3, 'third submission');

    await publish(approval(created, 2, catalogItemId));
    const done = await until(p, created.id, (d) => d.onSaleVersion === 2, 'version 2 approved');
    expect(done).toMatchObject({ status: 'APPROVED', current: { version: 2, status: 'APPROVED' } });
    expect(done.current.options.map((o) => [o.id, o.priceWon])).toEqual([[o200.id, 19_000], [added.id, 68_000]]);
    expect(await versions(created.id)).toEqual(['1:SUPERSEDED', '2:APPROVED']);
  });

  it('keeps option ids stable: a retired id never comes back, and a kept option cannot change weight or grind', async () => {
    const p = await partner();
    const product = await create(p);
    const [o200, o500] = product.current.options;
    const dropped = await t.http.patch(`/partner/products/${product.id}`, { options: [{ id: o200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000 }] }, { token: p.token });
    expect(dropped.body.current.options.map((o: { id: string }) => o.id)).toEqual([o200.id]);

    const before = await counts();
    const back = await t.http.patch(`/partner/products/${product.id}`, { options: [{ id: o500.id, weightGrams: 500, grind: 'FILTER', priceWon: 39_000 }] }, { token: p.token });
    expect(back.status).toBe(400);
    expect(back.body.details).toEqual([{ path: 'options.0.id', message: expect.stringContaining('retired') }]);
    const reshaped = await t.http.patch(`/partner/products/${product.id}`, { options: [{ id: o200.id, weightGrams: 250, grind: 'WHOLE_BEAN', priceWon: 18_000 }] }, { token: p.token });
    expect(reshaped.status).toBe(400);
    expect(reshaped.body.details).toEqual([{ path: 'options.0.weightGrams', message: expect.any(String) }]);
    expect(await counts()).toEqual(before);

    // The same weight and grind as the retired option is a new option with a new id.
    const again = await t.http.patch(`/partner/products/${product.id}`, { options: [{ id: o200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000 }, { weightGrams: 500, grind: 'FILTER', priceWon: 39_000 }] }, { token: p.token });
    expect(again.status).toBe(200);
    expect(again.body.current.options[1].id).not.toBe(o500.id);
  });

  it('restocks a retired option only while the version on sale still offers it', async () => {
    const p = await partner();
    const { product } = await approvedProduct(p);
    const [o200, o500] = product.current.options;
    await t.http.patch(`/partner/products/${product.id}`, { options: [{ id: o200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000 }] }, { token: p.token });
    const onSale = await t.http.patch(`/partner/products/${product.id}/stock`, { optionId: o500.id, stock: 2 }, { token: p.token });
    expect(onSale.status).toBe(200);
    expect((await t.db.query('SELECT stock FROM product_options WHERE id = $1', [o500.id]))[0].stock).toBe(2);

    const unsold = await create(p);
    const dropped = unsold.current.options[1];
    await t.http.patch(`/partner/products/${unsold.id}`, { options: [{ id: unsold.current.options[0].id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000 }] }, { token: p.token });
    const refused = await t.http.patch(`/partner/products/${unsold.id}/stock`, { optionId: dropped.id, stock: 2 }, { token: p.token });
    expect([refused.status, refused.body.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('changes stock per option with a growing stockVersion, never below zero, also under concurrent changes', async () => {
    const p = await partner();
    const product = await create(p, { ...draft, options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000, stock: 5 }] });
    const optionId = product.current.options[0].id;
    const stockEvents = () => t.bus.received.filter((m) => m.type === 'product.stock.changed' && m.aggregateId === optionId).map((m) => m.payload as { stock: number; stockVersion: number });
    const setStock = (stock: unknown) => t.http.patch(`/partner/products/${product.id}/stock`, { optionId, stock }, { token: p.token });

    expect((await setStock(8)).body.current.options[0].stock).toBe(8);
    expect((await setStock(0)).body.current.options[0].stock).toBe(0);
    await waitFor(() => stockEvents().length === 3, 'three stock events');
    expect(stockEvents().map((e) => [e.stockVersion, e.stock]).sort(([a], [b]) => a - b)).toEqual([[1, 5], [2, 8], [3, 0]]);

    // Setting the stock it already has changes nothing and announces nothing.
    const before = await counts();
    expect((await setStock(0)).status).toBe(200);
    const below = await setStock(-1);
    expect(below.status).toBe(400);
    expect(below.body.details).toEqual([expect.objectContaining({ path: 'stock' })]);
    expect(await counts()).toEqual(before);
    await expect(t.db.query('UPDATE product_options SET stock = -1 WHERE id = $1', [optionId])).rejects.toThrow(/check constraint/);

    const unknown = await t.http.patch(`/partner/products/${product.id}/stock`, { optionId: randomUUID(), stock: 1 }, { token: p.token });
    expect(unknown.status).toBe(404);

    const results = await Promise.all([11, 12, 13, 14, 15].map((s) => setStock(s)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const [row] = await t.db.query('SELECT stock, stock_version FROM product_options WHERE id = $1', [optionId]);
    expect(row.stock_version).toBe(8);
    await waitFor(() => stockEvents().length === 8, 'eight stock events');
    expect(stockEvents().map((e) => e.stockVersion).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(stockEvents().find((e) => e.stockVersion === 8)?.stock).toBe(row.stock);
  });

  it("answers 404 for another partner's product, whatever the route, and lists only the caller's own", async () => {
    const owner = await partner();
    const other = await partner();
    const product = await create(owner);
    const before = await counts();
    const optionId = product.current.options[0].id;
    const attempts = [
      t.http.get(`/partner/products/${product.id}`, { token: other.token }),
      t.http.patch(`/partner/products/${product.id}`, { description: 'mine now' }, { token: other.token }),
      t.http.post(`/partner/products/${product.id}/submit`, undefined, { token: other.token }),
      t.http.patch(`/partner/products/${product.id}/stock`, { optionId, stock: 0 }, { token: other.token }),
      t.http.post(`/partner/products/${product.id}/withdraw`, undefined, { token: other.token }),
      t.http.get('/partner/products/not-a-uuid', { token: owner.token }),
      t.http.get(`/partner/products/${randomUUID()}`, { token: owner.token }),
    ];
    for (const res of await Promise.all(attempts)) expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await counts()).toEqual(before);

    await create(other);
    const mine = await t.http.get('/partner/products?page=1&size=50', { token: owner.token });
    expect(mine.body).toMatchObject({ page: 1, size: 50, total: 1, items: [{ id: product.id }] });
    const theirs = await t.http.get('/partner/products', { token: other.token });
    expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(product.id);

    // An account that belongs to no partner has no products to list or create.
    const stranger = await t.issuer!.token({ userId: randomUUID(), roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [owner.partnerId] });
    expect((await t.http.get('/partner/products', { token: stranger })).status).toBe(403);
    expect((await t.http.post('/partner/products', draft, { token: stranger })).status).toBe(403);
    expect((await t.http.get(`/partner/products/${product.id}`, { token: stranger })).status).toBe(404);
  });

  it('lets a suspended partner read its products but not change them, until reinstated; stale status events are ignored', async () => {
    const p = await partner();
    const product = await create(p);
    const optionId = product.current.options[0].id;
    const suspendedAt = new Date();
    const suspension = buildEnvelope(partnerSuspended, { partnerId: p.partnerId, reason: 'unpaid fees', adminId: randomUUID(), suspendedAt: suspendedAt.toISOString() });
    await publish(suspension);
    await publish(suspension); // redelivered
    await waitFor(async () => (await t.db.query('SELECT status FROM partners WHERE id = $1', [p.partnerId]))[0].status === 'SUSPENDED', 'suspension applied');

    expect((await get(p, product.id)).status).toBe(200);
    expect((await t.http.get('/partner/products', { token: p.token })).body.total).toBe(1);
    const before = await counts();
    const refused = await Promise.all([
      t.http.post('/partner/products', draft, { token: p.token }),
      t.http.patch(`/partner/products/${product.id}`, { description: 'x' }, { token: p.token }),
      t.http.post(`/partner/products/${product.id}/submit`, undefined, { token: p.token }),
      t.http.patch(`/partner/products/${product.id}/stock`, { optionId, stock: 1 }, { token: p.token }),
    ]);
    for (const res of refused) {
      expect([res.status, res.body.code]).toEqual([409, 'INVALID_STATE']);
      expect(res.body.message).toContain('suspended');
    }
    expect(await counts()).toEqual(before);

    const reinstatedAt = new Date(suspendedAt.getTime() + 60_000);
    await publish(buildEnvelope(partnerReinstated, { partnerId: p.partnerId, reason: 'fees paid', adminId: randomUUID(), reinstatedAt: reinstatedAt.toISOString() }));
    await waitFor(async () => (await t.db.query('SELECT status FROM partners WHERE id = $1', [p.partnerId]))[0].status === 'ACTIVE', 'reinstatement applied');
    // A suspension older than the reinstatement arrives late: ignored.
    const late = buildEnvelope(partnerSuspended, { partnerId: p.partnerId, reason: 'late copy', adminId: randomUUID(), suspendedAt: new Date(suspendedAt.getTime() + 1).toISOString() });
    await publish(late);
    await handled(late.id);
    expect((await t.db.query('SELECT status FROM partners WHERE id = $1', [p.partnerId]))[0].status).toBe('ACTIVE');
    expect((await t.http.patch(`/partner/products/${product.id}`, { description: 'back' }, { token: p.token })).status).toBe(200);
  });

  it('folds a confirmed duplicate into the first product as its new approved version, keeping matching option ids', async () => {
    const p = await partner();
    const { product: target, catalogItemId } = await approvedProduct(p);
    const [t200, t500] = target.current.options;
    const source = await create(p, {
      ...draft,
      name: 'Konga (second listing)',
      options: [
        { weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_500, stock: 99 },
        { weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 72_000, stock: 12 },
      ],
    });
    expect((await t.http.post(`/partner/products/${source.id}/submit`, undefined, { token: p.token })).status).toBe(200);

    const merge = buildEnvelope(productMerged, { sourceProductId: source.id, sourceVersion: 1, targetProductId: target.id, partnerId: p.partnerId, catalogItemId, reviewerId: randomUUID(), decidedAt: new Date().toISOString() });
    await publish(merge);
    await publish(merge); // redelivered
    const merged = await until(p, target.id, (d) => d.current.version === 2, 'merge applied');
    expect(merged).toMatchObject({ status: 'APPROVED', onSaleVersion: 2, current: { status: 'APPROVED', content: { name: 'Konga (second listing)' } } });
    const [m200, m1k] = merged.current.options;
    expect(m200).toEqual({ id: t200.id, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_500, stock: t200.stock });
    expect(m1k).toMatchObject({ weightGrams: 1000, stock: 12 });
    // The source's option moved over with its id: the catalog item names it by that id too.
    expect(source.current.options.map((o) => o.id)).toContain(m1k.id);
    const moved = await t.bus.waitForMessage('product.stock.changed', (m) => m.aggregateId === m1k.id && (m.payload as { productId: string }).productId === target.id);
    expect(moved.payload).toMatchObject({ productId: target.id, stock: 12, stockVersion: 2 });
    expect(await versions(target.id)).toEqual(['1:SUPERSEDED', '2:APPROVED']);
    const [retired] = await t.db.query('SELECT retired_at FROM product_options WHERE id = $1', [t500.id]);
    expect(retired.retired_at).not.toBeNull();

    const closed = (await get(p, source.id)).body;
    expect(closed).toMatchObject({ status: 'MERGED', mergedIntoProductId: target.id, onSaleVersion: null, current: { status: 'SUPERSEDED' } });
    expect((await t.http.patch(`/partner/products/${source.id}`, { description: 'x' }, { token: p.token })).status).toBe(409);

    // The same decision again under a new message id changes nothing either.
    const copy = { ...merge, id: randomUUID() };
    await publish(copy);
    await handled(copy.id);
    expect((await get(p, target.id)).body.current.version).toBe(2);
  });

  it('ignores redelivered and stale decisions, and dead-letters contradictory ones', async () => {
    const p = await partner();
    const product = await create(p);
    await t.http.post(`/partner/products/${product.id}/submit`, undefined, { token: p.token });
    const catalogItemId = randomUUID();
    const decidedAt = new Date();
    const approve = approval(product, 1, catalogItemId, decidedAt);
    await publish(approve);
    await publish(approve); // redelivered
    await until(p, product.id, (d) => d.status === 'APPROVED', 'approval applied');
    const revision = async () => (await t.db.query('SELECT revision FROM products WHERE id = $1', [product.id]))[0].revision;
    const settled = await revision();

    // The same approval under another message id, and a rejection older than the approval: no-ops.
    const again = { ...approve, id: randomUUID() };
    const stale = rejection(product, 1, 'from an earlier round', new Date(decidedAt.getTime() - 1000));
    await Promise.all([publish(again), publish(stale)]);
    await Promise.all([handled(again.id), handled(stale.id)]);
    expect(await revision()).toBe(settled);

    // A rejection of the approved version after it was approved contradicts it: dead-lettered, nothing applied.
    const contradiction = rejection(product, 1, 'changed my mind', new Date(decidedAt.getTime() + 1000));
    await publish(contradiction);
    const letter = await deadLetter(contradiction.id);
    expect(letter).toContain('cannot reject');
    expect(await revision()).toBe(settled);
    expect((await get(p, product.id)).body.current.status).toBe('APPROVED');
  });

  it('withdraws a product once, announces it, and closes it to changes', async () => {
    const p = await partner();
    const { product } = await approvedProduct(p);
    const res = await t.http.post(`/partner/products/${product.id}/withdraw`, undefined, { token: p.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'WITHDRAWN', onSaleVersion: null });
    const event = await t.bus.waitForMessage('product.withdrawn', (m) => m.aggregateId === product.id);
    expect(event.payload).toMatchObject({ productId: product.id, partnerId: p.partnerId });

    const before = await counts();
    const refused = await Promise.all([
      t.http.post(`/partner/products/${product.id}/withdraw`, undefined, { token: p.token }),
      t.http.patch(`/partner/products/${product.id}`, { description: 'x' }, { token: p.token }),
      t.http.post(`/partner/products/${product.id}/submit`, undefined, { token: p.token }),
      t.http.patch(`/partner/products/${product.id}/stock`, { optionId: product.current.options[0].id, stock: 1 }, { token: p.token }),
    ]);
    for (const r of refused) expect([r.status, r.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(await counts()).toEqual(before);
  });

  it('records an approval that arrives after the withdrawal, keeps the product withdrawn and announces the withdrawal again', async () => {
    const p = await partner();
    const product = await create(p);
    await t.http.post(`/partner/products/${product.id}/submit`, undefined, { token: p.token });
    await t.http.post(`/partner/products/${product.id}/withdraw`, undefined, { token: p.token });
    await publish(approval(product, 1, randomUUID()));
    await waitFor(() => t.bus.received.filter((m) => m.type === 'product.withdrawn' && m.aggregateId === product.id).length === 2, 'second withdrawal');
    expect((await get(p, product.id)).body).toMatchObject({ status: 'WITHDRAWN', onSaleVersion: null, current: { status: 'APPROVED' } });
  });

  it('creates for the partner named by X-Partner-Id when the account belongs to several, and filters the list by status', async () => {
    const p = await partner();
    const second = await partner();
    await t.db.query(`INSERT INTO partner_members (partner_id, user_id, role, joined_at) VALUES ($1, $2, 'STAFF', now())`, [second.partnerId, p.userId]);
    const ambiguous = await t.http.post('/partner/products', draft, { token: p.token });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.details).toEqual([expect.objectContaining({ path: 'x-partner-id' })]);
    const named = await t.http.post('/partner/products', draft, { token: p.token, headers: { 'x-partner-id': second.partnerId } });
    expect([named.status, named.body.partnerId]).toEqual([201, second.partnerId]);
    const foreign = await t.http.post('/partner/products', draft, { token: p.token, headers: { 'x-partner-id': randomUUID() } });
    expect(foreign.status).toBe(403);

    // The owner of the second partner and its new staff member both see the product.
    expect((await get(second, named.body.id)).status).toBe(200);
    await t.http.post(`/partner/products/${named.body.id}/submit`, undefined, { token: p.token });
    const inReview = await t.http.get('/partner/products?status=IN_REVIEW', { token: p.token });
    expect(inReview.body.items.map((i: { id: string }) => i.id)).toEqual([named.body.id]);
    expect((await t.http.get('/partner/products?status=DRAFT', { token: p.token })).body.total).toBe(0);
    expect((await t.http.get('/partner/products?sort=name', { token: p.token })).status).toBe(400);
  });

  it('stores HTML in text fields as text', async () => {
    const p = await partner();
    const product = await create(p, { ...draft, name: '<script>alert(1)</script> Konga', description: '<img src=x onerror=alert(1)>' });
    expect(product.current.content).toMatchObject({ name: '<script>alert(1)</script> Konga', description: '<img src=x onerror=alert(1)>' });
    const [row] = await t.db.query('SELECT content FROM product_versions WHERE product_id = $1', [product.id]);
    expect(row.content.name).toBe('<script>alert(1)</script> Konga');
  });

  describe('refuses bad input with field details and writes nothing', () => {
    const option = draft.options[0];
    it.each([
      ['a negative price', { ...draft, options: [{ ...option, priceWon: -100 }] }, 'options.0.priceWon'],
      ['a negative stock', { ...draft, options: [{ ...option, stock: -1 }] }, 'options.0.stock'],
      ['an unknown roast level', { ...draft, roastLevel: 'BURNT' }, 'roastLevel'],
      ['an unknown grind', { ...draft, options: [{ ...option, grind: 'TURKISH' }] }, 'options.0.grind'],
      ['too many options', { ...draft, options: Array.from({ length: 13 }, (_, i) => ({ ...option, weightGrams: 100 + i })) }, 'options'],
      ['no options', { ...draft, options: [] }, 'options'],
      ['two options with the same weight and grind', { ...draft, options: [option, option] }, 'options.1'],
      ['too many images', { ...draft, imageUrls: Array.from({ length: 11 }, (_, i) => `https://img.example.com/${i}.jpg`) }, 'imageUrls'],
      ['a javascript: image URL', { ...draft, imageUrls: ['javascript:alert(1)'] }, 'imageUrls.0'],
      ['an ftp image URL', { ...draft, imageUrls: ['ftp://img.example.com/a.jpg'] }, 'imageUrls.0'],
      ['an unknown field', { ...draft, partnerId: randomUUID() }, 'partnerId'],
      ['an unknown nested field', { ...draft, origin: { ...draft.origin, altitude: 1900 } }, 'origin.altitude'],
      ['an empty name', { ...draft, name: '   ' }, 'name'],
      ['a fractional price', { ...draft, options: [{ ...option, priceWon: 18000.5 }] }, 'options.0.priceWon'],
    ])('POST with %s', async (_what, body, path) => {
      const p = await partner();
      const before = await counts();
      const res = await t.http.post('/partner/products', body, { token: p.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await counts()).toEqual(before);
    });

    it('malformed and oversized bodies', async () => {
      const p = await partner();
      const before = await counts();
      const malformed = await t.http.request('POST', '/partner/products', { rawBody: '{"name": "Konga",', token: p.token });
      expect(malformed.status).toBe(400);
      const huge = await t.http.post('/partner/products', { ...draft, description: 'x'.repeat(200_000) }, { token: p.token });
      expect([huge.status, huge.body.code]).toEqual([400, 'BODY_TOO_LARGE']);
      const long = await t.http.post('/partner/products', { ...draft, description: 'x'.repeat(5001) }, { token: p.token });
      expect(long.body.details).toEqual([expect.objectContaining({ path: 'description' })]);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an unknown field', { status: 'APPROVED' }, 'status'],
      ['a negative price', { options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: -1 }] }, 'options.0.priceWon'],
      ['an unknown option id', { options: [{ id: '00000000-0000-4000-8000-000000000000', weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 1000 }] }, 'options.0.id'],
      ['a non-http image URL', { imageUrls: ['data:image/png;base64,AAAA'] }, 'imageUrls.0'],
    ])('PATCH with %s', async (_what, body, path) => {
      const p = await partner();
      const product = await create(p);
      const before = await counts();
      const [version] = await t.db.query('SELECT content, options, updated_at FROM product_versions WHERE product_id = $1', [product.id]);
      const res = await t.http.patch(`/partner/products/${product.id}`, body, { token: p.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await counts()).toEqual(before);
      expect((await t.db.query('SELECT content, options, updated_at FROM product_versions WHERE product_id = $1', [product.id]))[0]).toEqual(version);
    });
  });

  /** Waits for the message to reach this service's dead-letter queue and returns the reason given. */
  async function deadLetter(messageId: string): Promise<string> {
    const connection = await connect(TEST_AMQP_URL);
    try {
      const channel = await connection.createChannel();
      const dlq = t.app.get(MessageBus).queues().dlq;
      return await waitFor(async () => {
        const msg = await channel.get(dlq, { noAck: true });
        if (msg && msg.properties.messageId === messageId) return String(msg.properties.headers?.[DEAD_LETTER_HEADERS.reason]);
        return undefined;
      }, `dead letter ${messageId}`);
    } finally {
      await connection.close();
    }
  }
});
