import { partnerApplicationApproved, partnerApplicationRejected } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

const validApplication = {
  businessName: 'Bean Brothers Roastery',
  registrationNumber: '120-81-47521',
  representative: '이서준',
  phone: '010-1234-5678',
  email: 'owner@beanbros.kr',
  payoutBank: 'KB국민은행',
  payoutAccount: '123456-01-234567',
};

describe('business-service partner onboarding (HTTP + RabbitMQ, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business', withIssuer: true });
  });
  afterAll(() => t.close());

  const applicant = async () => {
    const userId = randomUUID();
    return { userId, token: await t.issuer!.token({ userId }) };
  };
  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) FROM ${table}`))[0].count);

  it('takes an application, encrypts the payout account and sends it to review', async () => {
    const a = await applicant();
    const res = await t.http.post('/partner/applications', validApplication, { token: a.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING', registrationNumber: '1208147521', payoutAccountMasked: '••••••4567', rejectionReason: null });
    expect(JSON.stringify(res.body)).not.toContain('12345601234567');

    const [row] = await t.db.query('SELECT payout_account_enc FROM partner_applications WHERE id = $1', [res.body.id]);
    expect(row.payout_account_enc).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
    expect(row.payout_account_enc).not.toContain('12345601234567');

    const event = await t.bus.waitForMessage('partner.application.submitted', (m) => m.aggregateId === res.body.id);
    expect(event.payload).toMatchObject({ applicantUserId: a.userId, payoutAccountLast4: '4567', attempt: 1 });
    expect(JSON.stringify(event)).not.toContain('12345601234567');
  });

  it('shows applicants only their own applications', async () => {
    const a = await applicant();
    const b = await applicant();
    await t.http.post('/partner/applications', validApplication, { token: a.token });
    const mine = await t.http.get('/partner/applications/me', { token: b.token });
    expect(mine.body).toEqual({ current: null, history: [] });
  });

  describe('refuses bad input with field details and writes nothing', () => {
    it.each([
      ['a registration number with a wrong check digit', { ...validApplication, registrationNumber: '1208147522' }, 'registrationNumber'],
      ['a registration number of the wrong length', { ...validApplication, registrationNumber: '12081475' }, 'registrationNumber'],
      ['a missing representative', { ...validApplication, representative: undefined }, 'representative'],
      ['an unknown field', { ...validApplication, partnerId: 'x' }, 'partnerId'],
      ['a non-numeric payout account', { ...validApplication, payoutAccount: 'IBAN-DE00' }, 'payoutAccount'],
    ])('%s', async (_what, body, path) => {
      const a = await applicant();
      const before = [await count('partner_applications'), await count('outbox')];
      const res = await t.http.post('/partner/applications', body, { token: a.token });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect([await count('partner_applications'), await count('outbox')]).toEqual(before);
    });

    it('no token is 401, a token from an unknown key is 401', async () => {
      expect((await t.http.post('/partner/applications', validApplication)).status).toBe(401);
      expect((await t.http.get('/partner/applications/me', { token: 'not.a.jwt' })).status).toBe(401);
    });
  });

  it('allows one open application per account, even when two race', async () => {
    const a = await applicant();
    const results = await Promise.all([1, 2, 3].map(() => t.http.post('/partner/applications', validApplication, { token: a.token })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'APPLICATION_ALREADY_OPEN')).toBe(true);
  });

  it('activates the partner on approval and announces it, once', async () => {
    const a = await applicant();
    const applied = await t.http.post('/partner/applications', validApplication, { token: a.token });
    const approval = buildEnvelope(partnerApplicationApproved, { applicationId: applied.body.id, applicantUserId: a.userId, reviewerId: randomUUID(), decidedAt: new Date().toISOString() });
    await t.bus.publishRaw(approval.type, approval);
    await t.bus.publishRaw(approval.type, approval); // redelivered

    const activated = await t.bus.waitForMessage('partner.activated', (m) => (m.payload as { applicationId: string }).applicationId === applied.body.id);
    expect(activated.payload).toMatchObject({ memberUserId: a.userId, businessName: 'Bean Brothers Roastery' });
    expect(activated.causationId).toBe(approval.id);
    expect(activated.correlationId).toBe(approval.correlationId);

    const mine = await waitFor(async () => {
      const r = await t.http.get('/partner/applications/me', { token: a.token });
      return r.body.current.status === 'APPROVED' ? r.body : undefined;
    }, 'approval applied');
    expect(mine.current.partnerId).toBe((activated.payload as { partnerId: string }).partnerId);
    await waitFor(async () => Number((await t.db.query('SELECT count(*) FROM inbox WHERE message_id = $1', [approval.id]))[0].count) === 1, 'inbox');
    expect(Number((await t.db.query('SELECT count(*) FROM partners WHERE application_id = $1', [applied.body.id]))[0].count)).toBe(1);
    const [member] = await t.db.query('SELECT role FROM partner_members WHERE user_id = $1', [a.userId]);
    expect(member.role).toBe('OWNER');

    const again = await t.http.post('/partner/applications', validApplication, { token: a.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_PARTNER');
  });

  it('records a rejection with its reason, and the applicant may apply again', async () => {
    const a = await applicant();
    const applied = await t.http.post('/partner/applications', validApplication, { token: a.token });
    const rejection = buildEnvelope(partnerApplicationRejected, {
      applicationId: applied.body.id,
      applicantUserId: a.userId,
      reviewerId: randomUUID(),
      reason: '사업자등록증 사본이 흐립니다 (certificate unreadable)',
      decidedAt: new Date().toISOString(),
    });
    await t.bus.publishRaw(rejection.type, rejection);
    const mine = await waitFor(async () => {
      const r = await t.http.get('/partner/applications/me', { token: a.token });
      return r.body.current.status === 'REJECTED' ? r.body : undefined;
    }, 'rejection applied');
    expect(mine.current.rejectionReason).toContain('certificate unreadable');

    const second = await t.http.post('/partner/applications', validApplication, { token: a.token });
    expect(second.status).toBe(201);
    const event = await t.bus.waitForMessage('partner.application.submitted', (m) => m.aggregateId === second.body.id);
    expect((event.payload as { attempt: number }).attempt).toBe(2);
    const after = await t.http.get('/partner/applications/me', { token: a.token });
    expect(after.body.current.id).toBe(second.body.id);
    expect(after.body.history.map((h: { status: string }) => h.status)).toEqual(['REJECTED']);
  });
});
