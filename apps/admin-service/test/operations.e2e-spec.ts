import { partnerApplicationSubmitted } from '@roastery/contracts';
import { buildEnvelope, examplePayloads } from '@roastery/contracts/testing';
import { DEAD_LETTER_HEADERS, queueNames } from '@roastery/messaging';
import { createTestApp, type TestApp, TEST_AMQP_URL, waitFor } from '@roastery/testing';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

describe('admin-service operations: dead letters and the shared clock', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'admin-ops', withIssuer: true });
    admin = await t.issuer!.token({ userId: randomUUID(), roles: ['ADMIN'] });
  });
  afterAll(() => t.close());

  it('gathers an invalid message from the dead-letter queue with the reason', async () => {
    const bad = buildEnvelope(partnerApplicationSubmitted, { ...(examplePayloads['partner.application.submitted'] as object), registrationNumber: 'not-digits' } as never);
    await t.bus.publishRaw(partnerApplicationSubmitted.type, bad);
    const letter = await waitFor(async () => {
      const r = await t.http.get('/admin/dead-letters?status=open', { token: admin });
      return r.body.items.find((i: { messageId: string }) => i.messageId === bad.id);
    }, 'dead letter listed');
    expect(letter.reason).toMatch(/registrationNumber/);
    expect(letter.originalQueue).toBe(queueNames(t.env.AMQP_NAMESPACE, 'admin-service').queue);
    expect(Number((await t.db.query('SELECT count(*) FROM application_reviews'))[0].count)).toBe(0);
  });

  it('replays a dead letter to its original queue, where it is applied once', async () => {
    // A valid message that had failed earlier (e.g. while a dependency was down), as the consumer
    // leaves it in the dead-letter queue.
    const payload = { ...(examplePayloads['partner.application.submitted'] as object), applicationId: randomUUID(), applicantUserId: randomUUID() } as { applicationId: string };
    const envelope = buildEnvelope(partnerApplicationSubmitted, payload as never);
    const names = queueNames(t.env.AMQP_NAMESPACE, 'admin-service');
    const conn = await connect(TEST_AMQP_URL);
    const ch = await conn.createConfirmChannel();
    ch.sendToQueue(names.dlq, Buffer.from(JSON.stringify(envelope)), {
      persistent: true,
      messageId: envelope.id,
      headers: {
        [DEAD_LETTER_HEADERS.reason]: 'database unavailable',
        [DEAD_LETTER_HEADERS.originalQueue]: names.queue,
        [DEAD_LETTER_HEADERS.handler]: 'admin.queue-application-review',
        [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
        'x-attempt': 3,
      },
    });
    await ch.waitForConfirms();
    await conn.close();

    const letter = await waitFor(async () => {
      const r = await t.http.get('/admin/dead-letters', { token: admin });
      return r.body.items.find((i: { messageId: string }) => i.messageId === envelope.id);
    }, 'dead letter listed');
    expect(letter.reason).toBe('database unavailable');

    const replay = await t.http.post(`/admin/dead-letters/${letter.id}/replay`, {}, { token: admin });
    expect(replay.status).toBe(200);
    expect(replay.body.replayCount).toBe(1);
    await waitFor(async () => (await t.db.query('SELECT 1 FROM application_reviews WHERE id = $1', [payload.applicationId])).length > 0, 'replayed message applied');

    // Replaying again is harmless: the inbox has the message id.
    await t.http.post(`/admin/dead-letters/${letter.id}/replay`, {}, { token: admin });
    await new Promise((r) => setTimeout(r, 300));
    expect(Number((await t.db.query('SELECT count(*) FROM inbox WHERE message_id = $1', [envelope.id]))[0].count)).toBe(1);
    const audit = await t.http.get(`/admin/audit-log?targetId=${letter.id}`, { token: admin });
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['dead-letter.replay', 'dead-letter.replay']);
  });

  it('moves the shared clock forward only, and keeps it in the database', async () => {
    const before = await t.http.get('/admin/clock', { token: admin });
    expect(before.body.mode).toBe('shared');
    const target = new Date(Date.parse(before.body.now) + 30 * 86_400_000).toISOString();
    const set = await t.http.post('/admin/clock', { now: target }, { token: admin });
    expect(set.status).toBe(200);
    expect(Date.parse(set.body.now)).toBeGreaterThanOrEqual(Date.parse(target));
    const [row] = await t.db.query('SELECT offset_ms FROM clock_state WHERE id = 1');
    expect(Number(row.offset_ms)).toBeGreaterThan(29 * 86_400_000);

    const back = await t.http.post('/admin/clock', { now: before.body.now }, { token: admin });
    expect(back.status).toBe(409);
    expect((await t.http.post('/admin/clock', { now: 'tomorrow' }, { token: admin })).status).toBe(400);
    const partner = await t.issuer!.token({ userId: randomUUID(), roles: ['PARTNER'] });
    expect((await t.http.post('/admin/clock', { now: target }, { token: partner })).status).toBe(403);
  });
});
