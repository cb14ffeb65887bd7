import { randomRegistrationNumber } from '@roastery/contracts/testing';
import { waitFor } from '@roastery/testing';
import { adminToken, api, newSubscriber } from './api';

/** A signed-in account that went through onboarding and is now an active partner. */
export interface TestPartner {
  email: string;
  accessToken: string;
  partnerId: string;
}

/** Signs up, applies, has the admin approve it, and waits until the account is a PARTNER. */
export async function newPartner(tag: string, businessName: string): Promise<TestPartner> {
  const user = await newSubscriber(tag);
  const admin = await adminToken();
  const applied = await api.business.post(
    '/partner/applications',
    { businessName, registrationNumber: randomRegistrationNumber(), representative: '테스트 대표', phone: '01023456789', email: user.email, payoutBank: '신한은행', payoutAccount: '110123456789' },
    { token: user.accessToken },
  );
  if (applied.status !== 201) throw new Error(`application failed: ${JSON.stringify(applied.body)}`);
  await waitFor(async () => (await api.admin.get('/admin/applications?status=PENDING&size=100', { token: admin })).body.items.some((i: { id: string }) => i.id === applied.body.id), 'application queued');
  await api.admin.post(`/admin/applications/${applied.body.id}/approve`, {}, { token: admin });
  const me = await waitFor(async () => {
    const r = await api.user.get('/api/me', { token: user.accessToken });
    return r.body.roles.includes('PARTNER') ? r.body : undefined;
  }, 'PARTNER role');
  const refreshed = await api.user.post('/api/auth/refresh', { refreshToken: user.refreshToken });
  return { email: user.email, accessToken: refreshed.body.accessToken, partnerId: me.partnerIds[0] };
}

/** A coffee on the storefront: its catalog item and option ids, in option order. */
export interface TestCoffee {
  productId: string;
  itemId: string;
  optionIds: string[];
}

/**
 * A product the partner drafts and submits, an admin approves, and the storefront then shows:
 * one option per `{ priceWon, stock }`, 200 g whole bean, then 500 g, then 1 kg.
 */
export async function newApprovedCoffee(partner: TestPartner, name: string, options: { priceWon: number; stock: number }[]): Promise<TestCoffee> {
  const admin = await adminToken();
  const weights = [200, 500, 1000];
  const created = await api.business.post(
    '/partner/products',
    {
      name,
      origin: { country: 'Colombia', region: 'Huila' },
      producer: 'Finca El Paraíso',
      lot: `Lot ${name}`,
      variety: 'Caturra',
      process: 'Washed',
      roastLevel: 'MEDIUM',
      tastingNotes: ['초콜릿', 'red apple'],
      description: '정기배송 테스트 커피',
      imageUrls: ['https://images.example.com/huila.jpg'],
      options: options.map((o, i) => ({ weightGrams: weights[i] ?? 200 * (i + 1), grind: 'WHOLE_BEAN', priceWon: o.priceWon, stock: o.stock })),
    },
    { token: partner.accessToken },
  );
  if (created.status !== 201) throw new Error(`product not created: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await api.business.post(`/partner/products/${created.body.id}/submit`, undefined, { token: partner.accessToken });
  if (submitted.status !== 200) throw new Error(`product not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const review = await waitFor(
    async () => (await api.admin.get('/admin/product-reviews?status=PENDING&size=100', { token: admin })).body.items.find((r: { productId: string }) => r.productId === created.body.id),
    `review of ${name}`,
  );
  const approved = await api.admin.post(`/admin/product-reviews/${review.id}/approve`, {}, { token: admin });
  if (approved.status !== 200) throw new Error(`product not approved: ${approved.status} ${JSON.stringify(approved.body)}`);
  const optionIds = (submitted.body.current.options as { id: string }[]).map((o) => o.id);
  const itemId = await waitFor(async () => {
    const list = await api.user.get(`/api/catalog/items?q=${encodeURIComponent(name)}&size=60`);
    const hit = (list.body.items ?? []).find((i: { name: string }) => i.name === name);
    if (!hit) return undefined;
    // On sale with its stock announced, so a subscription can be placed at once.
    const detail = await api.user.get(`/api/catalog/items/${hit.id}`);
    return detail.status === 200 && detail.body.options.length === options.length ? (hit.id as string) : undefined;
  }, `${name} on the storefront`, 30_000);
  return { productId: created.body.id, itemId, optionIds };
}
