import { partnerActivated, type ProductVersionContent, productVersionSubmitted, productWithdrawn } from '@roastery/contracts';
import { buildEnvelope, examplePayloads, exampleVersionContent } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

/** A fresh copy of the example coffee with its own option ids. */
function coffee(over: Partial<ProductVersionContent> = {}): ProductVersionContent {
  return { ...structuredClone(exampleVersionContent), options: exampleVersionContent.options.map((o) => ({ ...o, id: randomUUID() })), ...over };
}

interface CatalogEntry {
  catalogItemId: string;
  productId: string;
  partner: { id: string; name: string; status: string };
  onSale: boolean;
  itemVersion: number;
  productVersion: number;
  lotKey: string;
  mergeHistory: { sourceProductId: string; mergedAt: string; by: string }[];
}

describe('admin-service catalog master: duplicates, merges, lots, withdrawals', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'admin-catalog', withIssuer: true });
    adminId = randomUUID();
    admin = await t.issuer!.token({ userId: adminId, roles: ['ADMIN'] });
  });
  afterAll(() => t.close());

  async function activate(name: string): Promise<string> {
    const partnerId = randomUUID();
    const payload = { ...(examplePayloads['partner.activated'] as object), partnerId, applicationId: randomUUID(), businessName: name };
    await t.bus.publishRaw(partnerActivated.type, buildEnvelope(partnerActivated, payload as never, { aggregateId: partnerId }));
    await waitFor(async () => (await t.db.query('SELECT 1 FROM partners WHERE id = $1 AND activated_at IS NOT NULL', [partnerId])).length > 0, 'partner recorded');
    return partnerId;
  }

  async function submit(partnerId: string, content: ProductVersionContent, productId: string = randomUUID(), version = 1) {
    const envelope = buildEnvelope(productVersionSubmitted, { productId, partnerId, version, content, previousApproved: null, submittedAt: new Date().toISOString() }, { aggregateId: productId, aggregateVersion: version });
    await t.bus.publishRaw(envelope.type, envelope);
    const row = await waitFor(async () => (await t.db.query('SELECT id FROM product_reviews WHERE product_id = $1 AND version = $2', [productId, version]))[0], 'review queued');
    return { productId, review: (await t.http.get(`/admin/product-reviews/${row.id}`, { token: admin })).body };
  }

  /** Submits and approves; resolves with the product and its catalog item id. */
  async function listed(partnerId: string, content: ProductVersionContent) {
    const { productId, review } = await submit(partnerId, content);
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin })).status).toBe(200);
    const approved = await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === productId);
    return { productId, catalogItemId: (approved.payload as { catalogItemId: string }).catalogItemId };
  }

  async function catalogOf(partnerId: string): Promise<CatalogEntry[]> {
    const res = await t.http.get(`/admin/catalog?partnerId=${partnerId}&size=100`, { token: admin });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('flags the same coffee listed twice by one roaster, and the merge folds it into the first item', async () => {
    const partnerId = await activate('Bean Brothers Roastery');
    const first = await listed(partnerId, coffee());
    // The same coffee, written differently, as a second listing; the 200 g whole-bean option matches the first's.
    const second = coffee({ name: 'ethiopia  yirgacheffe-konga', lot: 'LOT 7.', process: 'washed', description: '두 번째 등록' });
    const { productId: dupId, review } = await submit(partnerId, second);
    expect(review.findings).toEqual([expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', productId: first.productId })]);

    const res = await t.http.post(`/admin/product-reviews/${review.id}/approve`, { mergeInto: first.productId, note: 'same lot' }, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'MERGED', mergedInto: first.productId, decidedBy: adminId });

    const merged = await t.bus.waitForMessage('product.merged', (m) => m.aggregateId === dupId);
    expect(merged.payload).toEqual({ sourceProductId: dupId, sourceVersion: 1, targetProductId: first.productId, targetVersion: 2, partnerId, catalogItemId: first.catalogItemId, reviewerId: adminId, decidedAt: expect.any(String) });
    const published = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === first.catalogItemId && m.aggregateVersion === 2);
    const payload = published.payload as { productId: string; productVersion: number; content: ProductVersionContent };
    expect(payload.productId).toBe(first.productId);
    expect(payload.productVersion).toBe(2);
    expect(payload.content.description).toBe('두 번째 등록');

    const items = await catalogOf(partnerId);
    expect(items).toEqual([expect.objectContaining({ catalogItemId: first.catalogItemId, productId: first.productId, itemVersion: 2, mergeHistory: [{ sourceProductId: dupId, mergedAt: expect.any(String), by: adminId }] })]);
    expect(await t.db.query('SELECT 1 FROM catalog_items WHERE product_id = $1', [dupId])).toEqual([]);
    expect(t.bus.received.some((m) => m.type === 'product.version.approved' && m.aggregateId === dupId)).toBe(false);
    const audit = await t.http.get(`/admin/audit-log?targetId=${review.id}`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'product-review.merge', actorId: adminId, details: expect.objectContaining({ mergedInto: first.productId }) })]);

    // The merged product is closed: a later version of it changes nothing.
    const late = buildEnvelope(productVersionSubmitted, { productId: dupId, partnerId, version: 2, content: second, previousApproved: null, submittedAt: new Date().toISOString() });
    await t.bus.publishRaw(late.type, late);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM inbox WHERE message_id = $1', [late.id])).length > 0, 'late version handled');
    expect(await t.db.query('SELECT 1 FROM product_reviews WHERE product_id = $1 AND version = 2', [dupId])).toEqual([]);
  });

  it('keeps the option ids of the merge target where weight and grind match', async () => {
    const partnerId = await activate('Option Keepers');
    const target = coffee();
    const first = await listed(partnerId, target);
    const source = coffee();
    const { review } = await submit(partnerId, source);
    await t.http.post(`/admin/product-reviews/${review.id}/approve`, { mergeInto: first.productId }, { token: admin });
    const published = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === first.catalogItemId && m.aggregateVersion === 2);
    expect((published.payload as { content: ProductVersionContent }).content.options.map((o) => o.id)).toEqual(target.options.map((o) => o.id));
  });

  it('takes the source item off sale as MERGED when a listed product turns out to duplicate another', async () => {
    const partnerId = await activate('Late Mergers');
    const target = await listed(partnerId, coffee());
    const kenya = coffee({ name: 'Kenya Nyeri', origin: { country: 'Kenya', region: 'Nyeri' }, lot: 'AA' });
    const source = await listed(partnerId, kenya);
    // Version 2 of the Kenya listing corrects it into the very coffee the first product already sells.
    const { review } = await submit(partnerId, coffee(), source.productId, 2);
    expect(review.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', productId: target.productId })]));
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, { mergeInto: target.productId }, { token: admin })).status).toBe(200);
    const withdrawn = await t.bus.waitForMessage('catalog.item.withdrawn', (m) => m.aggregateId === source.catalogItemId);
    expect(withdrawn.payload).toMatchObject({ productId: source.productId, itemVersion: 2, reason: 'MERGED' });
    await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === target.catalogItemId && m.aggregateVersion === 2);
    const items = await catalogOf(partnerId);
    expect(items.filter((i) => i.onSale).map((i) => i.productId)).toEqual([target.productId]);
  });

  it('does not flag the same coffee by another roaster, and keeps the same farm lot by two roasters as two items sharing a lotKey', async () => {
    const a = await activate('Roaster A');
    const b = await activate('Roaster B');
    const itemA = await listed(a, coffee());
    const { review } = await submit(b, coffee({ name: 'Konga Natural Lot', process: 'Natural', roastLevel: 'MEDIUM_LIGHT', producer: 'KONGA washing-station' }));
    expect(review.findings).toEqual([]);
    await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin });
    const itemB = (await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === review.productId)).payload as { catalogItemId: string };
    expect(itemB.catalogItemId).not.toBe(itemA.catalogItemId);

    const lot = 'ethiopia|konga washing station|lot 7';
    const res = await t.http.get(`/admin/catalog?lotKey=${encodeURIComponent(lot)}&size=100`, { token: admin });
    const byPartner = new Map(res.body.items.map((i: CatalogEntry) => [i.partner.id, i]));
    expect(byPartner.get(a)).toMatchObject({ lotKey: lot, partner: { name: 'Roaster A', status: 'ACTIVE' } });
    expect(byPartner.get(b)).toMatchObject({ lotKey: lot, partner: { name: 'Roaster B', status: 'ACTIVE' } });
    const publishedB = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === itemB.catalogItemId);
    expect((publishedB.payload as { lotKey: string }).lotKey).toBe(lot);
  });

  it('takes a withdrawn product off sale once, and ignores the repeat', async () => {
    const partnerId = await activate('Withdrawers');
    const { productId, catalogItemId } = await listed(partnerId, coffee());
    const envelope = buildEnvelope(productWithdrawn, { productId, partnerId, withdrawnAt: new Date().toISOString() }, { aggregateId: productId });
    await t.bus.publishRaw(envelope.type, envelope);
    const withdrawn = await t.bus.waitForMessage('catalog.item.withdrawn', (m) => m.aggregateId === catalogItemId);
    expect(withdrawn.payload).toEqual({ catalogItemId, itemVersion: 2, productId, reason: 'PRODUCT_WITHDRAWN', withdrawnAt: expect.any(String) });
    expect((await catalogOf(partnerId))[0]).toMatchObject({ onSale: false, itemVersion: 2 });

    const repeat = { ...envelope, id: randomUUID() };
    await t.bus.publishRaw(repeat.type, repeat);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM inbox WHERE message_id = $1', [repeat.id])).length > 0, 'repeat handled');
    expect(t.bus.received.filter((m) => m.type === 'catalog.item.withdrawn' && m.aggregateId === catalogItemId)).toHaveLength(1);
  });

  it('closes a pending review of a withdrawn product, and a withdrawn product is no merge target', async () => {
    const partnerId = await activate('Second Thoughts');
    const listedOne = await listed(partnerId, coffee());
    const { review, productId } = await submit(partnerId, coffee({ name: 'Something else' }));
    await t.bus.publishRaw(productWithdrawn.type, buildEnvelope(productWithdrawn, { productId, partnerId, withdrawnAt: new Date().toISOString() }));
    await t.bus.publishRaw(productWithdrawn.type, buildEnvelope(productWithdrawn, { productId: listedOne.productId, partnerId, withdrawnAt: new Date().toISOString() }));
    const closed = await waitFor(async () => {
      const r = (await t.http.get(`/admin/product-reviews/${review.id}`, { token: admin })).body;
      return r.status === 'REJECTED' ? r : undefined;
    }, 'review closed');
    expect(closed.reason).toBe('withdrawn by the partner');
    await t.bus.waitForMessage('catalog.item.withdrawn', (m) => m.aggregateId === listedOne.catalogItemId);

    const dup = await submit(partnerId, coffee());
    expect(dup.review.findings).toEqual([]);
    expect((await t.http.post(`/admin/product-reviews/${dup.review.id}/approve`, { mergeInto: listedOne.productId }, { token: admin })).status).toBe(422);
  });

  it('answers admins only, and validates its query', async () => {
    const partner = await t.issuer!.token({ userId: randomUUID(), roles: ['PARTNER'] });
    expect((await t.http.get('/admin/catalog', { token: partner })).status).toBe(403);
    expect((await t.http.get('/admin/catalog')).status).toBe(401);
    expect((await t.http.get('/admin/catalog?size=1000', { token: admin })).status).toBe(400);
    expect((await t.http.get('/admin/catalog?partnerId=nope', { token: admin })).status).toBe(400);
    const page = await t.http.get('/admin/catalog?page=1&size=2', { token: admin });
    expect(page.body).toMatchObject({ page: 1, size: 2, total: expect.any(Number) });
  });
});
