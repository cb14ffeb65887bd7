import { billingRunProgressed, type BillingRunCounts, billingRunRequested, type PayloadOf } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { createTestApp, type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

type Progress = PayloadOf<typeof billingRunProgressed>;

describe('admin-service: billing runs on demand', () => {
  let t: TestApp;
  let adminId: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'admin-billing-runs', withIssuer: true });
    adminId = randomUUID();
    admin = await t.issuer!.token({ userId: adminId, roles: ['ADMIN'] });
  });
  afterAll(() => t.close());

  const counts = (c: Partial<BillingRunCounts> = {}): BillingRunCounts => ({ claimed: 0, ordersPlaced: 0, charged: 0, declined: 0, skippedForStock: 0, pending: 0, ...c });
  /** Publishes a progress report onto the bus, as user-service's engine would; resolves with the message id. */
  const report = async (runId: string, p: Partial<Progress> & Pick<Progress, 'status' | 'sequence'>): Promise<string> => {
    const envelope = buildEnvelope(
      billingRunProgressed,
      { runId, businessDate: '2026-12-01', counts: counts(), startedAt: '2026-12-01T00:00:05.000Z', finishedAt: null, error: null, ...p },
      { source: 'user-service', aggregateId: runId, aggregateVersion: p.sequence + 1 },
    );
    await t.bus.publishRaw(billingRunProgressed.type, envelope);
    return envelope.id;
  };
  /** Waits until the consumer has handled (and committed) the message. */
  const consumed = (messageId: string) =>
    waitFor(async () => (await t.db.query(`SELECT 1 FROM inbox WHERE handler = 'admin.record-billing-run-progress' AND message_id = $1`, [messageId])).length > 0, `message ${messageId} consumed`);
  const runOf = async (id: string) => (await t.http.get(`/admin/billing/runs/${id}`, { token: admin })).body;

  it('records a requested run and asks user-service over the bus, with an audit entry', async () => {
    const res = await t.http.post('/admin/billing/run', {}, { token: admin });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'REQUESTED', requestedBy: adminId, sequence: null, businessDate: null, counts: counts(), finishedAt: null, error: null });
    const runId: string = res.body.id;

    const message = await t.bus.waitForMessage(billingRunRequested.type, (m) => (m.payload as { runId: string }).runId === runId);
    expect(message.payload).toEqual({ runId, requestedBy: adminId, requestedAt: res.body.requestedAt });
    expect(message.aggregateId).toBe(runId);
    expect(message.source).toBe('admin-service');

    expect((await t.http.get(`/admin/billing/runs/${runId}`, { token: admin })).body).toEqual(res.body);
    const audit = await t.http.get(`/admin/audit-log?targetId=${runId}`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'billing.run.request', actorId: adminId, targetType: 'billing-run' })]);
  });

  it('follows the reported progress and ignores a stale report that arrives late', async () => {
    const runId: string = (await t.http.post('/admin/billing/run', {}, { token: admin })).body.id;

    await report(runId, { status: 'RUNNING', sequence: 0 });
    await waitFor(async () => (await runOf(runId)).status === 'RUNNING', 'run started');

    const batch2 = { claimed: 500, ordersPlaced: 480, charged: 400, declined: 10, skippedForStock: 20, pending: 70 };
    await consumed(await report(runId, { status: 'RUNNING', sequence: 2, counts: counts(batch2) }));
    expect(await runOf(runId)).toMatchObject({ sequence: 2, counts: batch2 });

    // Batch 1's report was delayed (a retry, another relay): it is consumed, not dead-lettered, and
    // must not roll the run back.
    await consumed(await report(runId, { status: 'RUNNING', sequence: 1, counts: counts({ claimed: 250, ordersPlaced: 240, charged: 200, pending: 40 }) }));
    expect(await runOf(runId)).toMatchObject({ status: 'RUNNING', sequence: 2, counts: batch2 });

    const finished = '2026-12-01T00:03:00.000Z';
    const final = { claimed: 500, ordersPlaced: 480, charged: 448, declined: 12, skippedForStock: 20, pending: 0 };
    await consumed(await report(runId, { status: 'COMPLETED', sequence: 3, finishedAt: finished, counts: counts(final) }));
    expect(await runOf(runId)).toEqual({
      id: runId,
      status: 'COMPLETED',
      requestedBy: adminId,
      requestedAt: expect.any(String),
      sequence: 3,
      businessDate: '2026-12-01',
      counts: final,
      startedAt: '2026-12-01T00:00:05.000Z',
      finishedAt: finished,
      error: null,
      updatedAt: expect.any(String),
    });

    // A late RUNNING report after the end changes nothing either, and neither does a redelivery.
    await consumed(await report(runId, { status: 'RUNNING', sequence: 2 }));
    expect(await runOf(runId)).toMatchObject({ status: 'COMPLETED', sequence: 3 });
  });

  it('records a failed run with its error', async () => {
    const runId: string = (await t.http.post('/admin/billing/run', {}, { token: admin })).body.id;
    await report(runId, { status: 'FAILED', sequence: 1, finishedAt: '2026-12-01T00:01:00.000Z', error: 'Toss did not answer', counts: counts({ claimed: 10, pending: 3 }) });
    const run = await waitFor(async () => {
      const r = await runOf(runId);
      return r.status === 'FAILED' && r;
    }, 'run failed');
    expect(run).toMatchObject({ error: 'Toss did not answer', counts: counts({ claimed: 10, pending: 3 }) });
  });

  it('records the progress of a run it never requested (e.g. the nightly schedule), so nothing is lost', async () => {
    const runId = randomUUID();
    await report(runId, { status: 'RUNNING', sequence: 0, counts: counts({ claimed: 7 }) });
    const run = await waitFor(async () => {
      const r = await t.http.get(`/admin/billing/runs/${runId}`, { token: admin });
      return r.status === 200 && r.body;
    }, 'unknown run recorded');
    expect(run).toMatchObject({ id: runId, status: 'RUNNING', requestedBy: null, requestedAt: null, counts: counts({ claimed: 7 }) });
  });

  it('lists runs newest first, paged', async () => {
    const a = (await t.http.post('/admin/billing/run', {}, { token: admin })).body.id;
    const b = (await t.http.post('/admin/billing/run', {}, { token: admin })).body.id;
    const page = await t.http.get('/admin/billing/runs?page=1&size=2', { token: admin });
    expect(page.status).toBe(200);
    expect(page.body.items.map((r: { id: string }) => r.id)).toEqual([b, a]);
    expect(page.body).toMatchObject({ page: 1, size: 2 });
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    expect((await t.http.get('/admin/billing/runs?size=1000', { token: admin })).status).toBe(400);
  });

  it('replays the first answer for a double click with the same Idempotency-Key, and starts one run', async () => {
    const key = randomUUID();
    const [first, second] = await Promise.all([0, 1].map(() => t.http.post('/admin/billing/run', {}, { token: admin, headers: { 'Idempotency-Key': key } })));
    // Concurrent: one runs, the other is refused as in progress or replays once it finished.
    const answered = [first, second].filter((r) => r.status === 202);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of [first, second]) expect([202, 409]).toContain(r.status);

    const retry = await t.http.post('/admin/billing/run', {}, { token: admin, headers: { 'Idempotency-Key': key } });
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(answered[0]!.body.id);
    expect(Number((await t.db.query('SELECT count(*) FROM billing_runs WHERE requested_by = $1 AND idempotency_key = $2', [adminId, key]))[0].count)).toBe(1);
    const requests = await t.db.query(`SELECT count(*) FROM outbox WHERE type = 'billing.run.requested' AND envelope->>'aggregateId' = $1`, [retry.body.id]);
    expect(Number(requests[0].count)).toBe(1);

    // The answer was lost with a crash after the commit (the stored key is gone): the run row's own
    // key still returns the same run rather than a second one (ADR 0013, layer 2).
    await t.db.query(`DELETE FROM http_idempotency_keys WHERE key = $1`, [key]);
    const rerun = await t.http.post('/admin/billing/run', {}, { token: admin, headers: { 'Idempotency-Key': key } });
    expect(rerun.status).toBe(202);
    expect(rerun.headers.get('idempotent-replayed')).toBeNull();
    expect(rerun.body).toEqual(retry.body);

    // Another admin's same key is another scope: a run of its own.
    const other = await t.issuer!.token({ userId: randomUUID(), roles: ['ADMIN'] });
    const theirs = await t.http.post('/admin/billing/run', {}, { token: other, headers: { 'Idempotency-Key': key } });
    expect(theirs.status).toBe(202);
    expect(theirs.body.id).not.toBe(retry.body.id);
    expect(Number((await t.db.query(`SELECT count(*) FROM outbox WHERE type = 'billing.run.requested' AND envelope->>'aggregateId' = $1`, [retry.body.id]))[0].count)).toBe(1);
  });

  it('refuses non-admins (403), unknown or malformed ids (404) and a body with fields (400)', async () => {
    const subscriber = await t.issuer!.token({ userId: randomUUID(), roles: ['SUBSCRIBER'] });
    expect((await t.http.post('/admin/billing/run', {}, { token: subscriber })).status).toBe(403);
    expect((await t.http.get('/admin/billing/runs', { token: subscriber })).status).toBe(403);
    expect((await t.http.post('/admin/billing/run', {})).status).toBe(401);

    const unknown = await t.http.get(`/admin/billing/runs/${randomUUID()}`, { token: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expect((await t.http.get('/admin/billing/runs/not-a-uuid', { token: admin })).status).toBe(404);

    const before = Number((await t.db.query('SELECT count(*) FROM billing_runs'))[0].count);
    expect((await t.http.post('/admin/billing/run', { date: '2026-12-01' }, { token: admin })).status).toBe(400);
    expect(Number((await t.db.query('SELECT count(*) FROM billing_runs'))[0].count)).toBe(before);
  });

  it('stamps the request with the shared clock', async () => {
    const now = Date.parse((await t.http.get('/admin/clock', { token: admin })).body.now);
    const target = new Date(now + 40 * 86_400_000).toISOString();
    expect((await t.http.post('/admin/clock', { now: target }, { token: admin })).status).toBe(200);
    const res = await t.http.post('/admin/billing/run', {}, { token: admin });
    expect(Date.parse(res.body.requestedAt)).toBeGreaterThanOrEqual(Date.parse(target));
  });
});
