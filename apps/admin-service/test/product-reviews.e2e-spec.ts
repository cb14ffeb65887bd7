import { partnerActivated, type ProductVersionContent, productVersionSubmitted } from '@roastery/contracts';
import { buildEnvelope, examplePayloads, exampleVersionContent } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

/** A fresh copy of the example coffee with its own option ids. */
function coffee(over: Partial<ProductVersionContent> = {}): ProductVersionContent {
  return { ...structuredClone(exampleVersionContent), options: exampleVersionContent.options.map((o) => ({ ...o, id: randomUUID() })), ...over };
}

describe('admin-service product reviews (HTTP + RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'admin-catalog', withIssuer: true });
    adminId = randomUUID();
    admin = await t.issuer!.token({ userId: adminId, roles: ['SUBSCRIBER', 'ADMIN'] });
  });
  afterAll(() => t.close());

  async function activate(name = 'Bean Brothers Roastery'): Promise<string> {
    const partnerId = randomUUID();
    const payload = { ...(examplePayloads['partner.activated'] as object), partnerId, applicationId: randomUUID(), businessName: name };
    await t.bus.publishRaw(partnerActivated.type, buildEnvelope(partnerActivated, payload as never, { aggregateId: partnerId }));
    await waitFor(async () => (await t.db.query('SELECT 1 FROM partners WHERE id = $1 AND activated_at IS NOT NULL', [partnerId])).length > 0, 'partner recorded');
    return partnerId;
  }

  /** Publishes a submission and resolves with its review once queued (undefined if it was ignored). */
  async function submit(s: { partnerId: string; productId?: string; version?: number; content?: ProductVersionContent; previousApproved?: { version: number; content: ProductVersionContent } | null }) {
    const productId = s.productId ?? randomUUID();
    const version = s.version ?? 1;
    const payload = { productId, partnerId: s.partnerId, version, content: s.content ?? coffee(), previousApproved: s.previousApproved ?? null, submittedAt: new Date().toISOString() };
    const envelope = buildEnvelope(productVersionSubmitted, payload, { source: 'business-service', aggregateId: productId, aggregateVersion: version });
    await t.bus.publishRaw(envelope.type, envelope);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM inbox WHERE message_id = $1', [envelope.id])).length > 0, 'submission handled');
    const [row] = await t.db.query('SELECT id FROM product_reviews WHERE product_id = $1 AND version = $2', [productId, version]);
    const review = row ? (await t.http.get(`/admin/product-reviews/${row.id}`, { token: admin })).body : undefined;
    return { productId, envelope, review };
  }

  const codes = (review: { findings: { code: string }[] }) => review.findings.map((f) => f.code);

  it('answers admins only', async () => {
    const subscriber = await t.issuer!.token({ userId: randomUUID(), roles: ['SUBSCRIBER', 'PARTNER'] });
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', '/admin/product-reviews'],
      ['GET', `/admin/product-reviews/${id}`],
      ['POST', `/admin/product-reviews/${id}/approve`],
      ['POST', `/admin/product-reviews/${id}/reject`],
    ]) {
      expect((await t.http.request(method, path, { token: subscriber, body: method === 'POST' ? {} : undefined })).status).toBe(403);
      expect((await t.http.request(method, path, { body: method === 'POST' ? {} : undefined })).status).toBe(401);
    }
    expect((await t.http.get('/admin/product-reviews?status=WHATEVER', { token: admin })).status).toBe(400);
  });

  it('queues a clean first submission without findings', async () => {
    const partnerId = await activate();
    const { review, productId } = await submit({ partnerId });
    expect(review).toMatchObject({ productId, version: 1, status: 'PENDING', partner: { id: partnerId, name: 'Bean Brothers Roastery', trusted: false }, findings: [], diff: [], autoApproved: false });
    const list = await t.http.get('/admin/product-reviews?status=PENDING&size=100', { token: admin });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(review.id);
  });

  it('flags empty recommended fields and prices outside the band per 100 g', async () => {
    const partnerId = await activate();
    const [a, b] = coffee().options;
    const content = coffee({ description: '', imageUrls: [], tastingNotes: [], producer: '', variety: ' ', origin: { country: 'Ethiopia', region: '' }, options: [{ ...a, priceWon: 3_000 }, { ...b, weightGrams: 200, priceWon: 150_000 }] });
    const { review } = await submit({ partnerId, content });
    expect(review.findings.filter((f: { code: string }) => f.code === 'MISSING_FIELD').map((f: { message: string }) => f.message)).toEqual(
      ['description', 'imageUrls', 'tastingNotes', 'producer', 'variety', 'origin.region'].map((f) => `recommended field ${f} is empty`),
    );
    expect(review.findings.filter((f: { code: string }) => f.code === 'PRICE_OUT_OF_BAND').map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining('1,500 won per 100 g is below'),
      expect.stringContaining('75,000 won per 100 g is above'),
    ]);
  });

  it('approves: the version becomes a catalog item, both events are published, the audit log has it', async () => {
    const partnerId = await activate('Hangul 로스터리');
    const content = coffee();
    const { review, productId } = await submit({ partnerId, content });
    const res = await t.http.post(`/admin/product-reviews/${review.id}/approve`, { note: 'looks right' }, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'APPROVED', decidedBy: adminId, reason: 'looks right', autoApproved: false });

    const approved = await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === productId);
    const { catalogItemId } = approved.payload as { catalogItemId: string };
    expect(approved.payload).toMatchObject({ productId, partnerId, version: 1, reviewerId: adminId, autoApproved: false });
    const published = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === catalogItemId);
    expect(published.aggregateVersion).toBe(1);
    expect(published.payload).toEqual({
      catalogItemId,
      itemVersion: 1,
      productId,
      productVersion: 1,
      partner: { id: partnerId, name: 'Hangul 로스터리' },
      content,
      lotKey: 'ethiopia|konga washing station|lot 7',
      publishedAt: expect.any(String),
    });

    const audit = await t.http.get(`/admin/audit-log?targetId=${review.id}`, { token: admin });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'product-review.approve', actorId: adminId, targetType: 'product-review', details: expect.objectContaining({ productId, catalogItemId, autoApproved: false }) }),
    ]);

    const again = await t.http.post(`/admin/product-reviews/${review.id}/reject`, { reason: 'too late' }, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
  });

  it('updates the same catalog item for a resubmission, with the diff and the price and origin findings', async () => {
    const partnerId = await activate();
    const v1 = coffee();
    const first = await submit({ partnerId, content: v1 });
    await t.http.post(`/admin/product-reviews/${first.review.id}/approve`, {}, { token: admin });
    const { catalogItemId } = (await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === first.productId)).payload as { catalogItemId: string };

    const v2 = { ...v1, origin: { country: 'Ethiopia', region: 'Guji' }, options: [{ ...v1.options[0], priceWon: 21_000 }, v1.options[1]] };
    const { review } = await submit({ partnerId, productId: first.productId, version: 2, content: v2, previousApproved: { version: 1, content: v1 } });
    expect(codes(review)).toEqual(['PRICE_CHANGED', 'ORIGIN_CHANGED']);
    expect(review.diff).toEqual([
      { field: 'origin.region', before: 'Yirgacheffe', after: 'Guji' },
      { field: `options.${v1.options[0].id}.priceWon`, before: 18_000, after: 21_000 },
    ]);

    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin })).status).toBe(200);
    const republished = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === catalogItemId && m.aggregateVersion === 2);
    expect(republished.payload).toMatchObject({ catalogItemId, itemVersion: 2, productVersion: 2, content: v2 });
    const v2Approved = await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === first.productId && m.aggregateVersion === 2);
    expect((v2Approved.payload as { catalogItemId: string }).catalogItemId).toBe(catalogItemId);
    expect(Number((await t.db.query('SELECT count(*) FROM catalog_items WHERE product_id = $1', [first.productId]))[0].count)).toBe(1);
  });

  it('rejects only with a reason, and tells the partner why', async () => {
    const partnerId = await activate();
    const { review, productId } = await submit({ partnerId });
    const noReason = await t.http.post(`/admin/product-reviews/${review.id}/reject`, {}, { token: admin });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await t.http.post(`/admin/product-reviews/${review.id}/reject`, { reason: '  ' }, { token: admin })).status).toBe(400);

    const res = await t.http.post(`/admin/product-reviews/${review.id}/reject`, { reason: 'price per 100 g looks wrong' }, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason: 'price per 100 g looks wrong', decidedBy: adminId });
    const event = await t.bus.waitForMessage('product.version.rejected', (m) => m.aggregateId === productId);
    expect(event.payload).toMatchObject({ productId, partnerId, version: 1, reason: 'price per 100 g looks wrong', reviewerId: adminId });
    const audit = await t.http.get(`/admin/audit-log?targetId=${review.id}`, { token: admin });
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['product-review.reject']);
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin })).status).toBe(409);
    expect(await t.db.query('SELECT 1 FROM catalog_items WHERE product_id = $1', [productId])).toEqual([]);
  });

  it('reopens the same review when a rejected version is fixed and resubmitted under its number', async () => {
    const partnerId = await activate();
    const bad = coffee({ description: '' });
    const first = await submit({ partnerId, content: bad });
    expect(codes(first.review)).toEqual(['MISSING_FIELD']);
    await t.http.post(`/admin/product-reviews/${first.review.id}/reject`, { reason: 'please describe it' }, { token: admin });

    const fixed = { ...bad, description: '꽃향과 밝은 산미' };
    const again = await submit({ partnerId, productId: first.productId, content: fixed });
    expect(again.review).toMatchObject({ id: first.review.id, status: 'PENDING', reason: null, decidedAt: null, findings: [], content: fixed });

    // The first submission delivered late changes nothing.
    const late = { ...first.envelope, id: randomUUID() };
    await t.bus.publishRaw(late.type, late);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM inbox WHERE message_id = $1', [late.id])).length > 0, 'late delivery handled');
    expect((await t.http.get(`/admin/product-reviews/${first.review.id}`, { token: admin })).body.content).toEqual(fixed);
    expect((await t.http.post(`/admin/product-reviews/${first.review.id}/approve`, {}, { token: admin })).status).toBe(200);
    const published = await t.bus.waitForMessage('catalog.item.published', (m) => (m.payload as { productId: string }).productId === first.productId);
    expect((published.payload as { content: ProductVersionContent }).content.description).toBe('꽃향과 밝은 산미');
    const audit = await t.http.get(`/admin/audit-log?targetId=${first.review.id}`, { token: admin });
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['product-review.approve', 'product-review.reject']);
  });

  it('answers 404 for an unknown or malformed review id, 400 for unknown body fields', async () => {
    expect((await t.http.post(`/admin/product-reviews/${randomUUID()}/approve`, {}, { token: admin })).status).toBe(404);
    expect((await t.http.post('/admin/product-reviews/not-a-uuid/approve', {}, { token: admin })).status).toBe(404);
    expect((await t.http.post(`/admin/product-reviews/${randomUUID()}/reject`, { reason: 'x' }, { token: admin })).status).toBe(404);
    expect((await t.http.get('/admin/product-reviews/not-a-uuid', { token: admin })).status).toBe(404);
    const partnerId = await activate();
    const { review } = await submit({ partnerId });
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, { mergeInto: 'nope' }, { token: admin })).status).toBe(400);
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, { publish: true }, { token: admin })).status).toBe(400);
  });

  it('refuses a merge target that is not a listed product of the same partner with a catalog item (422)', async () => {
    const partnerId = await activate();
    const other = await activate('Other Roasters');
    const otherProduct = await submit({ partnerId: other });
    await t.http.post(`/admin/product-reviews/${otherProduct.review.id}/approve`, {}, { token: admin });
    const inReview = await submit({ partnerId });
    const { review, productId } = await submit({ partnerId });
    for (const mergeInto of [otherProduct.productId, inReview.productId, productId, randomUUID()]) {
      const res = await t.http.post(`/admin/product-reviews/${review.id}/approve`, { mergeInto }, { token: admin });
      expect(res.status).toBe(422);
    }
    expect((await t.http.get(`/admin/product-reviews/${review.id}`, { token: admin })).body.status).toBe('PENDING');
  });

  it('ignores redeliveries and stale versions, and closes a superseded pending version', async () => {
    const partnerId = await activate();
    const first = await submit({ partnerId });
    // The same envelope again, and the same fact republished under a new message id.
    await t.bus.publishRaw(first.envelope.type, first.envelope);
    const republished = { ...first.envelope, id: randomUUID() };
    await t.bus.publishRaw(republished.type, republished);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM inbox WHERE message_id = $1', [republished.id])).length > 0, 'republish handled');
    expect(Number((await t.db.query('SELECT count(*) FROM product_reviews WHERE product_id = $1', [first.productId]))[0].count)).toBe(1);

    const v3 = await submit({ partnerId, productId: first.productId, version: 3 });
    expect(v3.review.status).toBe('PENDING');
    const v1 = (await t.http.get(`/admin/product-reviews/${first.review.id}`, { token: admin })).body;
    expect(v1).toMatchObject({ status: 'REJECTED', reason: 'superseded by version 3' });
    expect((await t.http.post(`/admin/product-reviews/${first.review.id}/approve`, {}, { token: admin })).status).toBe(409);

    const late = await submit({ partnerId, productId: first.productId, version: 2 });
    expect(late.review).toBeUndefined();
  });
});
