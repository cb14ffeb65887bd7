import type { CatalogItemDetailDto, PartnerProductDto, ProductReviewDto } from '@roastery/contracts';
import { waitFor } from '@roastery/testing';
import { adminToken, api } from './support/api';
import { newPartner, type TestPartner } from './support/partners';

/**
 * The catalog pipeline across the running services, over HTTP and RabbitMQ: business-service
 * (products) → admin-service (review, catalog master) → user-service (storefront read model).
 */
describe('catalog pipeline across the services', () => {
  let admin: string;
  let partner: TestPartner;
  const run = Math.random().toString(36).slice(2, 8);
  const coffee = (name: string) => ({
    name,
    origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
    producer: 'Konga Washing Station',
    lot: `Lot ${run}`,
    variety: 'Heirloom',
    process: 'Washed',
    roastLevel: 'LIGHT' as const,
    tastingNotes: ['자스민', 'bergamot'],
    description: '꽃향이 풍부한 예가체프',
    imageUrls: ['https://images.example.com/konga.jpg'],
  });

  beforeAll(async () => {
    admin = await adminToken();
    partner = await newPartner(`catalog-${run}`, `Konga Roasters ${run}`);
  });

  async function createAndSubmit(body: object): Promise<PartnerProductDto> {
    const created = await api.business.post('/partner/products', body, { token: partner.accessToken });
    expect(created.status).toBe(201);
    const submitted = await api.business.post(`/partner/products/${created.body.id}/submit`, undefined, { token: partner.accessToken });
    expect(submitted.status).toBe(200);
    return submitted.body;
  }
  async function pendingReview(productId: string): Promise<ProductReviewDto> {
    return waitFor(async () => (await api.admin.get('/admin/product-reviews?status=PENDING&size=100', { token: admin })).body.items.find((r: ProductReviewDto) => r.productId === productId), `review of ${productId}`);
  }
  async function onStorefront(productName: string, predicate: (d: CatalogItemDetailDto) => boolean = () => true): Promise<CatalogItemDetailDto> {
    return waitFor(async () => {
      const list = await api.user.get(`/api/catalog/items?q=${encodeURIComponent(productName)}&size=60`);
      const hit = list.body.items.find((i: { name: string }) => i.name === productName);
      if (!hit) return undefined;
      const detail = (await api.user.get(`/api/catalog/items/${hit.id}`)).body as CatalogItemDetailDto;
      return predicate(detail) ? detail : undefined;
    }, `${productName} on the storefront`, 20_000);
  }
  const product = async (id: string): Promise<PartnerProductDto> => (await api.business.get(`/partner/products/${id}`, { token: partner.accessToken })).body;

  it('folds a confirmed duplicate into the first product: one item, option ids that agree in every service', async () => {
    const first = await createAndSubmit({ ...coffee(`Konga ${run}`), options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_000, stock: 20 }, { weightGrams: 500, grind: 'FILTER', priceWon: 39_000, stock: 8 }] });
    expect((await api.admin.post(`/admin/product-reviews/${(await pendingReview(first.id)).id}/approve`, {}, { token: admin })).status).toBe(200);
    const item = await onStorefront(`Konga ${run}`);
    expect(item.partner.id).toBe(partner.partnerId);

    // The same coffee listed again by the same roaster, with a new 1 kg option.
    const second = await createAndSubmit({ ...coffee(`Konga ${run}`), options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18_500, stock: 5 }, { weightGrams: 1000, grind: 'WHOLE_BEAN', priceWon: 70_000, stock: 3 }] });
    const review = await pendingReview(second.id);
    const duplicate = review.findings.find((f) => f.code === 'SUSPECTED_DUPLICATE');
    expect(duplicate?.productId).toBe(first.id);
    expect((await api.admin.post(`/admin/product-reviews/${review.id}/approve`, { mergeInto: first.id }, { token: admin })).status).toBe(200);

    const merged = await onStorefront(`Konga ${run}`, (d) => d.options.some((o) => o.weightGrams === 1000));
    expect(merged.id).toBe(item.id); // the same item, not a second one
    const firstAfter = await waitFor(async () => {
      const p = await product(first.id);
      return p.onSaleVersion === 2 ? p : undefined;
    }, 'merge applied in business-service');
    expect((await product(second.id)).status).toBe('MERGED');
    // Option ids: the 200 g option keeps the first product's id; the 1 kg option keeps the second's.
    const firstIds = first.current.options.map((o) => o.id);
    const secondIds = second.current.options.map((o) => o.id);
    const byWeight = (w: number) => merged.options.find((o) => o.weightGrams === w)!.id;
    expect(firstIds).toContain(byWeight(200));
    expect(secondIds).toContain(byWeight(1000));
    expect(firstAfter.current.options.map((o) => o.id).sort()).toEqual(merged.options.map((o) => o.id).sort());
    // The moved option's stock (3, at or under the "low" threshold) reached the storefront.
    await waitFor(async () => (await api.user.get(`/api/catalog/items/${item.id}`)).body.options.find((o: { id: string }) => o.id === byWeight(1000))?.stockStatus === 'LOW', 'moved stock');

    const master = (await api.admin.get(`/admin/catalog?partnerId=${partner.partnerId}&size=100`, { token: admin })).body.items.filter((e: { productId: string }) => e.productId === first.id);
    expect(master).toHaveLength(1);
    expect(master[0].mergeHistory).toEqual([expect.objectContaining({ sourceProductId: second.id })]);
  });

  it('takes items off sale when the partner withdraws one or is suspended, and back on reinstatement', async () => {
    const kept = await createAndSubmit({ ...coffee(`Sidamo ${run}`), lot: `S-${run}`, options: [{ weightGrams: 200, grind: 'FILTER', priceWon: 17_000, stock: 9 }] });
    const dropped = await createAndSubmit({ ...coffee(`Guji ${run}`), lot: `G-${run}`, options: [{ weightGrams: 200, grind: 'FILTER', priceWon: 19_000, stock: 9 }] });
    for (const p of [kept, dropped]) await api.admin.post(`/admin/product-reviews/${(await pendingReview(p.id)).id}/approve`, {}, { token: admin });
    const keptItem = await onStorefront(`Sidamo ${run}`);
    const droppedItem = await onStorefront(`Guji ${run}`);

    expect((await api.business.post(`/partner/products/${dropped.id}/withdraw`, undefined, { token: partner.accessToken })).status).toBe(200);
    await waitFor(async () => (await api.user.get(`/api/catalog/items/${droppedItem.id}`)).status === 404, 'withdrawn item off sale');

    const partnerId = partner.partnerId;
    expect((await api.admin.post(`/admin/partners/${partnerId}/suspend`, { reason: 'origin labels under review' }, { token: admin })).status).toBe(200);
    await waitFor(async () => (await api.user.get(`/api/catalog/items/${keptItem.id}`)).status === 404, 'suspended partner off sale');
    const edit = await api.business.patch(`/partner/products/${kept.id}`, { description: 'x' }, { token: partner.accessToken });
    expect(edit.status).toBe(409); // business-service learned of the suspension too

    expect((await api.admin.post(`/admin/partners/${partnerId}/reinstate`, { reason: 'labels corrected' }, { token: admin })).status).toBe(200);
    await waitFor(async () => (await api.user.get(`/api/catalog/items/${keptItem.id}`)).status === 200, 'back on sale');
    // The product the partner withdrew stays off sale.
    expect((await api.user.get(`/api/catalog/items/${droppedItem.id}`)).status).toBe(404);
  });
});
