import { IdempotencyHousekeeping } from '@roastery/platform';
import { Scheduler } from '@roastery/scheduler';
import { createTestApp, type TestApp } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

const application = {
  businessName: 'Second Wave Roasters',
  registrationNumber: '120-81-47521',
  representative: '김하늘',
  phone: '010-2222-3333',
  email: 'owner@secondwave.kr',
  payoutBank: 'KB국민은행',
  payoutAccount: '223456-01-234567',
};

describe('business-service: Idempotency-Key on POST /partner/applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business-idempotency', withIssuer: true });
  });
  afterAll(() => t.close());

  const applicant = async () => {
    const userId = randomUUID();
    return { userId, token: await t.issuer!.token({ userId }) };
  };
  const applicationsOf = async (userId: string) =>
    Number((await t.db.query('SELECT count(*) FROM partner_applications WHERE applicant_user_id = $1', [userId]))[0].count);
  const submittedEvents = async (id: string) =>
    Number((await t.db.query(`SELECT count(*) FROM outbox WHERE type = 'partner.application.submitted' AND envelope->>'aggregateId' = $1`, [id]))[0].count);

  it('replays the first answer for a retried submit and creates no second application', async () => {
    const a = await applicant();
    const key = randomUUID();
    const first = await t.http.post('/partner/applications', application, { token: a.token, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const retry = await t.http.post('/partner/applications', application, { token: a.token, headers: { 'Idempotency-Key': key } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);

    expect(await applicationsOf(a.userId)).toBe(1);
    expect(await submittedEvents(first.body.id)).toBe(1);
  });

  it('without the key a second submit is refused as before (one open application per account)', async () => {
    const a = await applicant();
    expect((await t.http.post('/partner/applications', application, { token: a.token })).status).toBe(201);
    const again = await t.http.post('/partner/applications', application, { token: a.token });
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await applicationsOf(a.userId)).toBe(1);
  });

  it('refuses the same key with another body (422) and a malformed key (400)', async () => {
    const a = await applicant();
    const key = randomUUID();
    await t.http.post('/partner/applications', application, { token: a.token, headers: { 'Idempotency-Key': key } });
    const reused = await t.http.post('/partner/applications', { ...application, phone: '010-9999-0000' }, { token: a.token, headers: { 'Idempotency-Key': key } });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await t.http.post('/partner/applications', application, { token: a.token, headers: { 'Idempotency-Key': 'x'.repeat(256) } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(await applicationsOf(a.userId)).toBe(1);
  });

  it('documents the header and registers the pruning job', async () => {
    const doc = await t.http.get('/docs-json');
    expect(doc.body.paths['/partner/applications'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    expect(t.app.get(Scheduler).jobNames()).toContain(IdempotencyHousekeeping.JOB);
  });
});
