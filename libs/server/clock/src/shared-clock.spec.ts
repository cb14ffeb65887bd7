import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ClockMovedBackwardsError } from './clock-errors';
import type { ClockStore } from './clock-store';
import { SharedClock, type SharedClockOptions } from './shared-clock';
import { waitUntil } from './testing/wait-until';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DAY = 24 * 60 * 60 * 1000;
const runPrefix = `test:clock:${randomUUID()}:`;
let redis: Redis;
let started: SharedClock[] = [];
let testNo = 0;
let prefix: string;

function clock(options: Partial<SharedClockOptions> = {}, client: Redis = redis): SharedClock {
  const c = new SharedClock(client, { prefix, pollMs: 60_000, onError: () => undefined, ...options });
  started.push(c);
  return c;
}

async function storedOffset(): Promise<number | null> {
  const raw = await redis.get(`${prefix}clock`);
  return raw === null ? null : (JSON.parse(raw) as { offsetMs: number }).offsetMs;
}

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});

beforeEach(() => {
  prefix = `${runPrefix}${++testNo}:`;
});

afterEach(async () => {
  await Promise.all(started.map((c) => c.stop()));
  started = [];
});

afterAll(async () => {
  const keys = await redis.keys(`${runPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('SharedClock', () => {
  it('shows an advance made through one instance on another (pub/sub)', async () => {
    const a = clock();
    const b = clock();
    await Promise.all([a.start(), b.start()]);
    const target = new Date(Date.now() + 30 * DAY);

    const now = await a.advanceTo(target);

    expect(now.getTime()).toBeGreaterThanOrEqual(target.getTime());
    await waitUntil(() => b.now().getTime() >= target.getTime(), { what: 'b to follow a' });
    expect(b.offsetMs).toBe(a.offsetMs);
  });

  it('falls back to polling when a change message is missed', async () => {
    const b = clock({ pollMs: 50 });
    await b.start();
    // Written without a publish, as if the message had been lost.
    await redis.set(`${prefix}clock`, JSON.stringify({ offsetMs: 5 * DAY, setAt: new Date().toISOString() }));

    await waitUntil(() => b.offsetMs === 5 * DAY, { what: 'the poll to pick up the offset' });
  });

  it('refuses to move backwards and reports the current time', async () => {
    const a = clock();
    await a.start();
    const later = new Date(Date.now() + 10 * DAY);
    await a.advanceTo(later);
    const before = await storedOffset();

    const attempt = a.advanceTo(new Date(Date.now() + 5 * DAY));

    await expect(attempt).rejects.toBeInstanceOf(ClockMovedBackwardsError);
    const error = (await attempt.catch((e: unknown) => e)) as ClockMovedBackwardsError;
    expect(error.current.getTime()).toBeGreaterThanOrEqual(later.getTime());
    expect(await storedOffset()).toBe(before);
    expect(a.now().getTime()).toBeGreaterThanOrEqual(later.getTime());
  });

  it('ends at the latest target when two admins advance at once', async () => {
    const a = clock();
    const b = clock();
    await Promise.all([a.start(), b.start()]);
    const t1 = new Date(Date.now() + 3 * DAY);
    const t2 = new Date(Date.now() + 4 * DAY);

    await Promise.allSettled([a.advanceTo(t2), b.advanceTo(t1)]);

    await a.refresh();
    await b.refresh();
    expect(a.now().getTime()).toBeGreaterThanOrEqual(t2.getTime());
    expect(b.now().getTime()).toBeGreaterThanOrEqual(t2.getTime());
  });

  it('persists every advance to the store', async () => {
    const persist = jest.fn<Promise<void>, [number]>().mockResolvedValue(undefined);
    const a = clock({ store: { persist, restore: async () => null } });
    await a.start();

    await a.advanceTo(new Date(Date.now() + 2 * DAY));

    expect(persist).toHaveBeenCalledTimes(1);
    expect(persist).toHaveBeenCalledWith(a.offsetMs);
    expect(await storedOffset()).toBe(a.offsetMs);
  });

  it('seeds Redis from the store when the key is missing', async () => {
    const store: ClockStore = { persist: async () => undefined, restore: async () => 7 * DAY };
    const a = clock({ store });

    await a.start();

    expect(a.offsetMs).toBe(7 * DAY);
    expect(await storedOffset()).toBe(7 * DAY);
    expect(a.now().getTime()).toBeGreaterThanOrEqual(Date.now() + 7 * DAY - 1_000);
  });

  it('lets the greatest known offset win when Redis lost the key', async () => {
    const store: ClockStore = { persist: async () => undefined, restore: async () => 3 * DAY };
    const a = clock({ store });
    await a.start();
    await a.advanceTo(new Date(Date.now() + 10 * DAY));
    const known = a.offsetMs;

    await redis.del(`${prefix}clock`);
    await a.refresh();

    expect(await storedOffset()).toBe(known);
    const fresh = clock({ store });
    await fresh.start();
    expect(fresh.offsetMs).toBe(known);
  });

  it('raises Redis back when it holds an older offset than this process saw', async () => {
    const a = clock();
    await a.start();
    await a.advanceTo(new Date(Date.now() + 6 * DAY));
    const known = a.offsetMs;

    await redis.set(`${prefix}clock`, JSON.stringify({ offsetMs: DAY, setAt: 'restored backup' }));
    await a.refresh();

    expect(a.offsetMs).toBe(known);
    expect(await storedOffset()).toBe(known);
  });

  it('keeps its last offset when it loses Redis', async () => {
    const own = new Redis(REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    const a = clock({}, own);
    await a.start();
    const target = new Date(Date.now() + 20 * DAY);
    await a.advanceTo(target);

    own.disconnect();

    await expect(a.refresh()).rejects.toThrow();
    expect(a.now().getTime()).toBeGreaterThanOrEqual(target.getTime());
  });

  it('publishes to <prefix>clock:changed and stores { offsetMs, setAt } at <prefix>clock', async () => {
    const a = clock();
    await a.start();
    const listener = redis.duplicate();
    const messages: string[] = [];
    listener.on('message', (_channel: string, message: string) => messages.push(message));
    await listener.subscribe(`${prefix}clock:changed`);

    await a.advanceTo(new Date(Date.now() + DAY));

    await waitUntil(() => messages.length === 1, { what: 'the change message' });
    await listener.quit();
    const published = JSON.parse(messages[0]!) as { offsetMs: number; setAt: string };
    expect(published.offsetMs).toBe(a.offsetMs);
    expect(Number.isNaN(Date.parse(published.setAt))).toBe(false);
    expect(JSON.parse((await redis.get(`${prefix}clock`))!)).toEqual({ offsetMs: a.offsetMs, setAt: expect.any(String) });
  });

  it('keeps systems apart that share a Redis through keyPrefix: a change on one is not heard by the other', async () => {
    const mine = new Redis(REDIS_URL, { keyPrefix: `${prefix}mine:` });
    const theirs = new Redis(REDIS_URL, { keyPrefix: `${prefix}theirs:` });
    try {
      const a = clock({ prefix: '', pollMs: 60_000 }, mine);
      const b = clock({ prefix: '', pollMs: 60_000 }, theirs);
      await a.start();
      await b.start();
      expect(a.channel).toBe(`${prefix}mine:clock:changed`);
      await b.advanceTo(new Date(Date.now() + 30 * DAY));
      const other = clock({ prefix: '', pollMs: 60_000 }, theirs);
      await other.start();
      await waitUntil(() => other.offsetMs > 29 * DAY, { what: 'the same system to see the change' });
      await new Promise((r) => setTimeout(r, 200));
      expect(a.offsetMs).toBeLessThan(DAY);
    } finally {
      await Promise.all(started.map((c) => c.stop()));
      started = [];
      mine.disconnect();
      theirs.disconnect();
    }
  });
});
