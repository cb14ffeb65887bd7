import { partnerApplicationSubmitted } from '@roastery/contracts';
import { buildEnvelope, examplePayloads } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

describe('admin-service partner reviews (HTTP + RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'admin', withIssuer: true });
    adminId = randomUUID();
    admin = await t.issuer!.token({ userId: adminId, roles: ['SUBSCRIBER', 'ADMIN'] });
  });
  afterAll(() => t.close());

  async function submitted(overrides: Record<string, unknown> = {}) {
    const payload = { ...(examplePayloads['partner.application.submitted'] as object), applicationId: randomUUID(), applicantUserId: randomUUID(), ...overrides } as { applicationId: string; applicantUserId: string };
    await t.bus.publishRaw(partnerApplicationSubmitted.type, buildEnvelope(partnerApplicationSubmitted, payload as never, { source: 'business-service', aggregateId: payload.applicationId }));
    await waitFor(async () => (await t.db.query('SELECT 1 FROM application_reviews WHERE id = $1', [payload.applicationId])).length > 0, 'review queued');
    return payload;
  }

  it('queues submitted applications for admins only', async () => {
    const app = await submitted();
    const list = await t.http.get('/admin/applications?status=PENDING', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(app.applicationId);

    const subscriber = await t.issuer!.token({ userId: randomUUID(), roles: ['SUBSCRIBER'] });
    expect((await t.http.get('/admin/applications', { token: subscriber })).status).toBe(403);
    expect((await t.http.post(`/admin/applications/${app.applicationId}/approve`, {}, { token: subscriber })).status).toBe(403);
    expect((await t.http.get('/admin/applications')).status).toBe(401);
    expect((await t.http.get('/admin/applications?status=WHATEVER', { token: admin })).status).toBe(400);
  });

  it('approves: publishes the decision and writes the audit log in the same transaction', async () => {
    const app = await submitted();
    const res = await t.http.post(`/admin/applications/${app.applicationId}/approve`, {}, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'APPROVED', decidedBy: adminId });
    const event = await t.bus.waitForMessage('partner.application.approved', (m) => m.aggregateId === app.applicationId);
    expect(event.payload).toMatchObject({ applicationId: app.applicationId, applicantUserId: app.applicantUserId, reviewerId: adminId });

    const audit = await t.http.get(`/admin/audit-log?targetId=${app.applicationId}`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'partner-application.approve', actorId: adminId, correlationId: res.headers.get('x-correlation-id') })]);

    const again = await t.http.post(`/admin/applications/${app.applicationId}/reject`, { reason: 'too late' }, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
  });

  it('rejects only with a reason, and tells the applicant why', async () => {
    const app = await submitted();
    const noReason = await t.http.post(`/admin/applications/${app.applicationId}/reject`, {}, { token: admin });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    const blank = await t.http.post(`/admin/applications/${app.applicationId}/reject`, { reason: '   ' }, { token: admin });
    expect(blank.status).toBe(400);

    const res = await t.http.post(`/admin/applications/${app.applicationId}/reject`, { reason: 'registration certificate unreadable' }, { token: admin });
    expect(res.status).toBe(200);
    const event = await t.bus.waitForMessage('partner.application.rejected', (m) => m.aggregateId === app.applicationId);
    expect((event.payload as { reason: string }).reason).toBe('registration certificate unreadable');
  });

  it('answers 404 for an unknown or malformed application id', async () => {
    expect((await t.http.post(`/admin/applications/${randomUUID()}/approve`, {}, { token: admin })).status).toBe(404);
    expect((await t.http.post('/admin/applications/not-a-uuid/approve', {}, { token: admin })).status).toBe(404);
  });

  it('flags the same business applying from another account and earlier rejections', async () => {
    const first = await submitted({ registrationNumber: '2208162517' });
    const second = await submitted({ registrationNumber: '2208162517' });
    const list = await t.http.get('/admin/applications?status=PENDING&size=100', { token: admin });
    const review = list.body.items.find((i: { id: string }) => i.id === second.applicationId);
    expect(review.findings.map((f: { code: string }) => f.code)).toEqual(['DUPLICATE_REGISTRATION_NUMBER']);

    await t.http.post(`/admin/applications/${first.applicationId}/reject`, { reason: 'blurry certificate' }, { token: admin });
    const retry = await submitted({ applicantUserId: first.applicantUserId, attempt: 2, registrationNumber: '1248100998' });
    const list2 = await t.http.get('/admin/applications?status=PENDING&size=100', { token: admin });
    const again = list2.body.items.find((i: { id: string }) => i.id === retry.applicationId);
    expect(again.findings).toEqual([expect.objectContaining({ code: 'PREVIOUSLY_REJECTED', message: expect.stringContaining('blurry certificate') })]);
  });

  it('takes the same submission twice as one review', async () => {
    const payload = { ...(examplePayloads['partner.application.submitted'] as object), applicationId: randomUUID(), applicantUserId: randomUUID() } as { applicationId: string };
    const envelope = buildEnvelope(partnerApplicationSubmitted, payload as never);
    const republished = { ...envelope, id: randomUUID() }; // a second publish of the same fact
    await Promise.all([t.bus.publishRaw(envelope.type, envelope), t.bus.publishRaw(envelope.type, republished)]);
    await waitFor(async () => Number((await t.db.query('SELECT count(*) FROM inbox WHERE message_id IN ($1, $2)', [envelope.id, republished.id]))[0].count) === 2, 'both deliveries handled');
    expect(Number((await t.db.query('SELECT count(*) FROM application_reviews WHERE id = $1', [payload.applicationId]))[0].count)).toBe(1);
  });
});
