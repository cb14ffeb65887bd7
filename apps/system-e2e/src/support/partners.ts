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
