import { MessagingHousekeeping } from '@roastery/platform';
import { Scheduler } from '@roastery/scheduler';
import { createTestApp, type TestApp } from '@roastery/testing';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';

describe('messaging housekeeping (a scheduled, leader-only job)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'business-housekeeping', withIssuer: true, env: { OUTBOX_RETENTION_DAYS: '7', INBOX_RETENTION_DAYS: '30' } });
  });
  afterAll(() => t.close());

  async function outboxRow(publishedDaysAgo: number | null): Promise<string> {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO outbox (id, type, routing_key, envelope, created_at, published_at, publish_attempts)
       VALUES ($1, 'test.thing.happened', 'test.thing.happened', '{}', now() - interval '60 days',
               CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(days => $2::int) END, 0)`,
      [id, publishedDaysAgo],
    );
    return id;
  }
  async function inboxRow(processedDaysAgo: number): Promise<string> {
    const id = randomUUID();
    await t.db.query(`INSERT INTO inbox (handler, message_id, processed_at) VALUES ('test.handler', $1, now() - make_interval(days => $2::int))`, [id, processedDaysAgo]);
    return id;
  }
  const exists = async (sql: string, id: string) => (await t.db.query(sql, [id])).length > 0;

  it('deletes published outbox rows and inbox rows past retention, and nothing else', async () => {
    const oldPublished = await outboxRow(8);
    const recentPublished = await outboxRow(1);
    const neverPublished = await outboxRow(null);
    const oldInbox = await inboxRow(31);
    const recentInbox = await inboxRow(29);

    const pruned = await t.app.get(MessagingHousekeeping).prune();
    expect(pruned).toEqual({ outbox: 1, inbox: 1 });

    const inOutbox = (id: string) => exists('SELECT 1 FROM outbox WHERE id = $1', id);
    const inInbox = (id: string) => exists('SELECT 1 FROM inbox WHERE message_id = $1', id);
    expect(await inOutbox(oldPublished)).toBe(false);
    expect(await inOutbox(recentPublished)).toBe(true);
    expect(await inOutbox(neverPublished)).toBe(true); // unpublished rows are never lost
    expect(await inInbox(oldInbox)).toBe(false);
    expect(await inInbox(recentInbox)).toBe(true);
  });

  it('is registered with the scheduler', () => {
    expect(t.app.get(Scheduler).jobNames()).toContain(MessagingHousekeeping.JOB);
  });
});
