import { randomRegistrationNumber } from '@roastery/contracts/testing';
import { waitFor } from '@roastery/testing';
import { adminToken, api, newSubscriber } from './support/api';

const application = {
  businessName: '산들 로스터리',
  // Unique per run: other specs' partners must not show up as duplicates of this one.
  registrationNumber: randomRegistrationNumber(),
  representative: '박로스터',
  phone: '01023456789',
  email: 'owner@sandeul.kr',
  payoutBank: '신한은행',
  payoutAccount: '110123456789',
};

describe('partner onboarding across the running services (HTTP → RabbitMQ → HTTP)', () => {
  it('a user applies, an admin approves, and the user becomes a PARTNER with the partner id in the next token', async () => {
    const user = await newSubscriber('applicant');
    const admin = await adminToken();

    const applied = await api.business.post('/partner/applications', application, { token: user.accessToken });
    expect(applied.status).toBe(201);

    // business-service → RabbitMQ → admin-service's review queue
    const review = await waitFor(async () => {
      const list = await api.admin.get('/admin/applications?status=PENDING&size=100', { token: admin });
      return list.body.items.find((i: { id: string }) => i.id === applied.body.id);
    }, 'the application in the review queue');
    expect(review).toMatchObject({ applicantUserId: user.id, payoutAccountLast4: '6789', findings: [] });

    const approved = await api.admin.post(`/admin/applications/${applied.body.id}/approve`, {}, { token: admin });
    expect(approved.status).toBe(200);

    // admin-service → business-service activates the partner → user-service grants the role
    const me = await waitFor(async () => {
      const r = await api.user.get('/api/me', { token: user.accessToken });
      return r.body.roles.includes('PARTNER') ? r.body : undefined;
    }, 'the PARTNER role');
    const mine = await api.business.get('/partner/applications/me', { token: user.accessToken });
    expect(mine.body.current).toMatchObject({ status: 'APPROVED', partnerId: me.partnerIds[0] });

    const refreshed = await api.user.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    const claims = JSON.parse(Buffer.from(refreshed.body.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual(['SUBSCRIBER', 'PARTNER']);
    expect(claims.pids).toEqual(me.partnerIds);

    // Every decision is in the audit log; the tokens of user-service verify at every service.
    const audit = await api.admin.get(`/admin/audit-log?targetId=${applied.body.id}`, { token: admin });
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['partner-application.approve']);
  });

  it('a rejected applicant sees the reason and can apply again', async () => {
    const user = await newSubscriber('rejected');
    const admin = await adminToken();
    const first = await api.business.post('/partner/applications', application, { token: user.accessToken });
    await waitFor(async () => (await api.admin.get('/admin/applications?status=PENDING&size=100', { token: admin })).body.items.some((i: { id: string }) => i.id === first.body.id), 'queued');
    await api.admin.post(`/admin/applications/${first.body.id}/reject`, { reason: 'payout account holder differs from the representative' }, { token: admin });

    const mine = await waitFor(async () => {
      const r = await api.business.get('/partner/applications/me', { token: user.accessToken });
      return r.body.current?.status === 'REJECTED' ? r.body : undefined;
    }, 'the rejection');
    expect(mine.current.rejectionReason).toBe('payout account holder differs from the representative');

    const second = await api.business.post('/partner/applications', application, { token: user.accessToken });
    expect(second.status).toBe(201);
    const review = await waitFor(async () => (await api.admin.get('/admin/applications?status=PENDING&size=100', { token: admin })).body.items.find((i: { id: string }) => i.id === second.body.id), 'second application queued');
    expect(review.attempt).toBe(2);
    expect(review.findings.map((f: { code: string }) => f.code)).toContain('PREVIOUSLY_REJECTED');
  });

  it('every service is healthy and verifies user-service tokens through the JWKS', async () => {
    for (const c of [api.user, api.business, api.admin]) {
      const h = await c.get('/health');
      expect(h.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok', rabbitmq: 'ok' } });
    }
    const user = await newSubscriber('jwks');
    expect((await api.business.get('/partner/applications/me', { token: user.accessToken })).status).toBe(200);
    expect((await api.admin.get('/admin/applications', { token: user.accessToken })).status).toBe(403);
  });
});
