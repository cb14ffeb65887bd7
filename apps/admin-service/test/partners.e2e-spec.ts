import { partnerActivated, type ProductVersionContent, productVersionSubmitted, productWithdrawn } from '@roastery/contracts';
import { buildEnvelope, examplePayloads, exampleVersionContent } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR_ID } from '../src/products/system-actor';

/** A fresh copy of the example coffee with its own option ids. */
function coffee(over: Partial<ProductVersionContent> = {}): ProductVersionContent {
  return { ...structuredClone(exampleVersionContent), options: exampleVersionContent.options.map((o) => ({ ...o, id: randomUUID() })), ...over };
}

describe('admin-service partners: read model, trusted switch, suspension', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'admin-catalog', withIssuer: true });
    adminId = randomUUID();
    admin = await t.issuer!.token({ userId: adminId, roles: ['SUBSCRIBER', 'ADMIN'] });
  });
  afterAll(() => t.close());

  async function activate(name: string, partnerId: string = randomUUID()): Promise<string> {
    const payload = { ...(examplePayloads['partner.activated'] as object), partnerId, applicationId: randomUUID(), businessName: name };
    await t.bus.publishRaw(partnerActivated.type, buildEnvelope(partnerActivated, payload as never, { aggregateId: partnerId }));
    await waitFor(async () => (await t.db.query('SELECT 1 FROM partners WHERE id = $1 AND activated_at IS NOT NULL', [partnerId])).length > 0, 'partner recorded');
    return partnerId;
  }

  async function submit(partnerId: string, content: ProductVersionContent, productId: string = randomUUID(), version = 1, previous: ProductVersionContent | null = null) {
    const previousApproved = previous ? { version: version - 1, content: previous } : null;
    const envelope = buildEnvelope(productVersionSubmitted, { productId, partnerId, version, content, previousApproved, submittedAt: new Date().toISOString() }, { aggregateId: productId, aggregateVersion: version });
    await t.bus.publishRaw(envelope.type, envelope);
    const row = await waitFor(async () => (await t.db.query('SELECT id FROM product_reviews WHERE product_id = $1 AND version = $2', [productId, version]))[0], 'review queued');
    return { productId, review: (await t.http.get(`/admin/product-reviews/${row.id}`, { token: admin })).body };
  }

  async function listed(partnerId: string, content: ProductVersionContent) {
    const { productId, review } = await submit(partnerId, content);
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin })).status).toBe(200);
    const approved = await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === productId);
    return { productId, catalogItemId: (approved.payload as { catalogItemId: string }).catalogItemId };
  }

  it('records activated partners as ACTIVE and untrusted, and lists them with filters', async () => {
    const partnerId = await activate('Aardvark Roasters');
    const list = await t.http.get('/admin/partners?status=ACTIVE&trusted=false&size=100', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual({ id: partnerId, name: 'Aardvark Roasters', status: 'ACTIVE', trusted: false, suspendedReason: null, activatedAt: expect.any(String), updatedAt: expect.any(String) });
    const suspended = await t.http.get('/admin/partners?status=SUSPENDED', { token: admin });
    expect(suspended.body.items.map((p: { id: string }) => p.id)).not.toContain(partnerId);
    expect((await t.http.get('/admin/partners?trusted=maybe', { token: admin })).status).toBe(400);
  });

  it('approves a trusted partner’s small edit on intake, but still queues its price change', async () => {
    const partnerId = await activate('Trusted Beans');
    const trust = await t.http.post(`/admin/partners/${partnerId}/trust`, { trusted: true }, { token: admin });
    expect(trust.status).toBe(200);
    expect(trust.body).toMatchObject({ id: partnerId, trusted: true });
    const trustAudit = await t.http.get(`/admin/audit-log?targetId=${partnerId}`, { token: admin });
    expect(trustAudit.body.items).toEqual([expect.objectContaining({ action: 'partner.trust', actorId: adminId, details: { trusted: true, was: false } })]);

    // A first listing is always reviewed, trusted or not.
    const v1 = coffee();
    const first = await submit(partnerId, v1);
    expect(first.review.status).toBe('PENDING');
    await t.http.post(`/admin/product-reviews/${first.review.id}/approve`, {}, { token: admin });
    const { catalogItemId } = (await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === first.productId)).payload as { catalogItemId: string };

    const v2 = { ...v1, description: '새 설명: 더 달콤해졌어요', tastingNotes: ['jasmine', 'honey'], imageUrls: ['https://images.example.com/konga-2.jpg'] };
    const edit = await submit(partnerId, v2, first.productId, 2, v1);
    expect(edit.review).toMatchObject({ status: 'APPROVED', autoApproved: true, decidedBy: SYSTEM_ACTOR_ID });
    expect(edit.review.diff.map((d: { field: string }) => d.field)).toEqual(['tastingNotes', 'description', 'imageUrls']);
    const approved = await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === first.productId && m.aggregateVersion === 2);
    expect(approved.payload).toMatchObject({ version: 2, catalogItemId, reviewerId: null, autoApproved: true });
    const published = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === catalogItemId && m.aggregateVersion === 2);
    expect((published.payload as { content: ProductVersionContent }).content.description).toBe(v2.description);
    const audit = await t.http.get(`/admin/audit-log?targetId=${edit.review.id}`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'product-review.approve', actorId: SYSTEM_ACTOR_ID, details: expect.objectContaining({ autoApproved: true }) })]);

    const v3 = { ...v2, options: [{ ...v2.options[0], priceWon: 24_000 }, v2.options[1]] };
    const priced = await submit(partnerId, v3, first.productId, 3, v2);
    expect(priced.review).toMatchObject({ status: 'PENDING', autoApproved: false });
    expect(priced.review.findings.map((f: { code: string }) => f.code)).toEqual(['PRICE_CHANGED']);

    // Untrusted again: the same kind of small edit waits for a reviewer.
    await t.http.post(`/admin/partners/${partnerId}/trust`, { trusted: false }, { token: admin });
    const colombia = coffee({ name: 'Colombia Huila', origin: { country: 'Colombia', region: 'Huila' } });
    const other = await listed(partnerId, colombia);
    const small = await submit(partnerId, { ...colombia, description: 'x' }, other.productId, 2, colombia);
    expect(small.review.diff.map((d: { field: string }) => d.field)).toEqual(['description']);
    expect(small.review.status).toBe('PENDING');
  });

  it('suspension takes every on-sale item off sale; reinstatement puts them back', async () => {
    const partnerId = await activate('Suspended Soon');
    const one = await listed(partnerId, coffee());
    const two = await listed(partnerId, coffee({ name: 'Kenya Nyeri AA', origin: { country: 'Kenya', region: 'Nyeri' }, lot: 'AA-12' }));
    const bystander = await listed(await activate('Bystander Roasters'), coffee());

    const res = await t.http.post(`/admin/partners/${partnerId}/suspend`, { reason: 'mislabelled origins' }, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'mislabelled origins' });
    const suspended = await t.bus.waitForMessage('partner.suspended', (m) => m.aggregateId === partnerId);
    expect(suspended.payload).toEqual({ partnerId, reason: 'mislabelled origins', adminId, suspendedAt: expect.any(String) });
    for (const item of [one, two]) {
      const w = await t.bus.waitForMessage('catalog.item.withdrawn', (m) => m.aggregateId === item.catalogItemId);
      expect(w.payload).toMatchObject({ catalogItemId: item.catalogItemId, itemVersion: 2, productId: item.productId, reason: 'PARTNER_SUSPENDED' });
    }
    expect(t.bus.received.some((m) => m.type === 'catalog.item.withdrawn' && m.aggregateId === bystander.catalogItemId)).toBe(false);
    const catalog = await t.http.get(`/admin/catalog?partnerId=${partnerId}`, { token: admin });
    expect(catalog.body.items.map((i: { onSale: boolean; partner: { status: string } }) => [i.onSale, i.partner.status])).toEqual([
      [false, 'SUSPENDED'],
      [false, 'SUSPENDED'],
    ]);
    expect((await t.http.post(`/admin/partners/${partnerId}/suspend`, { reason: 'again' }, { token: admin })).status).toBe(409);

    // Approved while suspended: the item exists but is not announced until reinstatement.
    const { review, productId: heldId } = await submit(partnerId, coffee({ name: 'Held Back Geisha', lot: 'G-1' }));
    expect((await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin })).status).toBe(200);
    const held = (await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === heldId)).payload as { catalogItemId: string };

    const back = await t.http.post(`/admin/partners/${partnerId}/reinstate`, { reason: 'labels corrected' }, { token: admin });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'ACTIVE', suspendedReason: null });
    await t.bus.waitForMessage('partner.reinstated', (m) => m.aggregateId === partnerId && (m.payload as { reason: string }).reason === 'labels corrected');
    for (const item of [one, two]) {
      const p = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === item.catalogItemId && m.aggregateVersion === 3);
      expect(p.payload).toMatchObject({ itemVersion: 3, partner: { id: partnerId, name: 'Suspended Soon' } });
    }
    const heldPublished = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === held.catalogItemId);
    expect(heldPublished.aggregateVersion).toBe(1);
    expect(t.bus.received.filter((m) => m.aggregateId === held.catalogItemId)).toHaveLength(1);

    const audit = await t.http.get(`/admin/audit-log?targetId=${partnerId}`, { token: admin });
    expect(audit.body.items.map((i: { action: string; details: Record<string, unknown> }) => [i.action, i.details])).toEqual([
      ['partner.reinstate', { reason: 'labels corrected', itemsRepublished: 3 }],
      ['partner.suspend', { reason: 'mislabelled origins', itemsWithdrawn: 2 }],
    ]);
    expect((await t.http.post(`/admin/partners/${partnerId}/reinstate`, { reason: 'again' }, { token: admin })).status).toBe(409);
  });

  it('keeps a withdrawn product off sale through reinstatement', async () => {
    const partnerId = await activate('Careful Roasters');
    const item = await listed(partnerId, coffee());
    await t.http.post(`/admin/partners/${partnerId}/suspend`, { reason: 'audit' }, { token: admin });
    await t.bus.waitForMessage('catalog.item.withdrawn', (m) => m.aggregateId === item.catalogItemId);
    const withdrawal = buildEnvelope(productWithdrawn, { productId: item.productId, partnerId, withdrawnAt: new Date().toISOString() });
    await t.bus.publishRaw(withdrawal.type, withdrawal);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM inbox WHERE message_id = $1', [withdrawal.id])).length > 0, 'withdrawal handled');
    await t.http.post(`/admin/partners/${partnerId}/reinstate`, { reason: 'audit passed' }, { token: admin });
    await t.bus.waitForMessage('partner.reinstated', (m) => m.aggregateId === partnerId);
    const [row] = await t.db.query('SELECT on_sale, off_sale_reason FROM catalog_items WHERE id = $1', [item.catalogItemId]);
    expect(row).toEqual({ on_sale: false, off_sale_reason: 'PRODUCT_WITHDRAWN' });
    expect(t.bus.received.some((m) => m.type === 'catalog.item.published' && m.aggregateId === item.catalogItemId && m.aggregateVersion > 1)).toBe(false);
  });

  it('learns the name of a partner whose product arrived first, and announces its items again', async () => {
    const partnerId = randomUUID();
    const { productId, review } = await submit(partnerId, coffee());
    expect(review.partner).toEqual({ id: partnerId, name: '', trusted: false });
    await t.http.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin });
    const { catalogItemId } = (await t.bus.waitForMessage('product.version.approved', (m) => m.aggregateId === productId)).payload as { catalogItemId: string };
    await activate('Late Letter Roasters', partnerId);
    const again = await t.bus.waitForMessage('catalog.item.published', (m) => m.aggregateId === catalogItemId && m.aggregateVersion === 2);
    expect((again.payload as { partner: { name: string } }).partner.name).toBe('Late Letter Roasters');
  });

  it('answers admins only; 404 for unknown or malformed partners; 400 without a reason', async () => {
    const partnerId = await activate('Guarded Roasters');
    const subscriber = await t.issuer!.token({ userId: randomUUID(), roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [partnerId] });
    expect((await t.http.get('/admin/partners', { token: subscriber })).status).toBe(403);
    for (const action of ['suspend', 'reinstate']) expect((await t.http.post(`/admin/partners/${partnerId}/${action}`, { reason: 'x' }, { token: subscriber })).status).toBe(403);
    expect((await t.http.post(`/admin/partners/${partnerId}/trust`, { trusted: true }, { token: subscriber })).status).toBe(403);
    expect((await t.http.get('/admin/partners')).status).toBe(401);

    expect((await t.http.post(`/admin/partners/${randomUUID()}/suspend`, { reason: 'x' }, { token: admin })).status).toBe(404);
    expect((await t.http.post('/admin/partners/nope/trust', { trusted: true }, { token: admin })).status).toBe(404);
    expect((await t.http.post(`/admin/partners/${randomUUID()}/trust`, { trusted: true }, { token: admin })).status).toBe(404);
    const noReason = await t.http.post(`/admin/partners/${partnerId}/suspend`, {}, { token: admin });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await t.http.post(`/admin/partners/${partnerId}/trust`, { trusted: 'yes' }, { token: admin })).status).toBe(400);
    expect((await t.http.get(`/admin/partners?size=100`, { token: admin })).body.items.find((p: { id: string }) => p.id === partnerId).status).toBe('ACTIVE');
  });
});
