import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Scheduler } from './scheduler';
import type { SchedulerLogger } from './scheduler-logger';
import { createTestDatabase, type TestDatabase } from './testing/test-database';
import { waitUntil } from './testing/wait-until';

const quiet: SchedulerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let db: TestDatabase;
let created: Scheduler[] = [];

function scheduler(service: string, logger: SchedulerLogger = quiet): Scheduler {
  const s = new Scheduler({ connectionString: db.url, service, electionIntervalMs: 100, logger });
  created.push(s);
  return s;
}

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(created.map((s) => s.stop()));
  created = [];
});

afterAll(async () => {
  await db.drop();
});

describe('Scheduler', () => {
  it('runs a job on exactly one of two instances, and on the other once the leader stops', async () => {
    const runs = new Map<Scheduler, number>();
    const make = () => {
      const s = scheduler('billing');
      runs.set(s, 0);
      return s.every('renewals', 20, () => void runs.set(s, runs.get(s)! + 1));
    };
    const a = make();
    const b = make();
    await Promise.all([a.start(), b.start()]);

    await waitUntil(() => runs.get(a)! + runs.get(b)! >= 5, { what: 'five runs' });
    const [leader, follower] = a.isLeader() ? [a, b] : [b, a];
    expect(leader.isLeader()).toBe(true);
    expect(follower.isLeader()).toBe(false);
    expect(runs.get(follower)).toBe(0);

    await leader.stop();
    const leaderRuns = runs.get(leader)!;
    await waitUntil(() => follower.isLeader(), { what: 'the follower to take over' });
    await waitUntil(() => runs.get(follower)! >= 3, { what: 'the new leader to run the job' });
    expect(runs.get(leader)).toBe(leaderRuns);
  });

  it('gives up leadership when its database session dies, and one instance leads again', async () => {
    const a = scheduler('payouts');
    const b = scheduler('payouts');
    await a.start();
    await b.start();
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    const revoked = jest.fn();
    a.election.on('revoked', revoked);

    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database =
           (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      await waitUntil(() => revoked.mock.calls.length === 1, { what: 'a to notice it lost the lock' });
      // Either instance may win the next round (a reconnects too); what matters is exactly one leads.
      await waitUntil(() => a.isLeader() || b.isLeader(), { what: 'a new leader' });
      expect(a.isLeader() && b.isLeader()).toBe(false);
      const { rows } = await admin.query(
        `SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND granted AND database =
           (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(rows[0].held).toBe(1);
    } finally {
      await admin.end();
    }
  });

  it('logs a failing run and still runs the next tick', async () => {
    const error = jest.fn();
    let calls = 0;
    const s = scheduler('flaky', { ...quiet, error }).every('explodes', 20, () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    await s.start();

    await waitUntil(() => calls >= 3, { what: 'three attempts' });
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'explodes', err: expect.any(Error) }),
      expect.stringContaining('failed'),
    );
  });

  it('never overlaps a job with itself, not even through runNow', async () => {
    let active = 0;
    let maxActive = 0;
    let finished = 0;
    const s = scheduler('slow').every('slow', 10, async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(60);
      active--;
      finished++;
    });
    await s.start();

    await waitUntil(() => active === 1, { what: 'a run to start' });
    await s.runNow('slow');
    await waitUntil(() => finished >= 3, { what: 'three runs' });
    expect(maxActive).toBe(1);
  });

  it('runNow runs here even on a follower and rejects with the job’s error', async () => {
    const leader = scheduler('manual');
    await leader.start();
    let ran = 0;
    const follower = scheduler('manual')
      .every('count', 60_000, () => void ran++)
      .every('fails', 60_000, () => Promise.reject(new Error('declined')));
    await follower.start();
    expect(follower.isLeader()).toBe(false);

    await follower.runNow('count');
    expect(ran).toBe(1);
    await expect(follower.runNow('fails')).rejects.toThrow('declined');
    await expect(follower.runNow('missing')).rejects.toThrow(/no job named "missing"/);
  });

  it('stop signals the running job, waits for it, then lets another instance lead', async () => {
    let running = false;
    let sawAbort = false;
    let done = false;
    const a = scheduler('graceful').every('long', 10, async (signal) => {
      running = true;
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      sawAbort = signal.aborted;
      done = true;
    });
    const b = scheduler('graceful');
    await a.start();
    await b.start();
    await waitUntil(() => running, { what: 'the job to be running' });

    await a.stop();

    expect(done).toBe(true);
    expect(sawAbort).toBe(true);
    await waitUntil(() => b.isLeader(), { what: 'b to take over' });
  });

  it('elects a leader per service', async () => {
    const billing = scheduler('svc-one');
    const catalog = scheduler('svc-two');
    await Promise.all([billing.start(), catalog.start()]);
    expect(billing.isLeader()).toBe(true);
    expect(catalog.isLeader()).toBe(true);
  });

  it('rejects a duplicate job name and a bad interval', () => {
    const s = scheduler('config').every('a', 1_000, () => undefined);
    expect(() => s.every('a', 1_000, () => undefined)).toThrow(/already registered/);
    expect(() => s.every('b', 0, () => undefined)).toThrow(/positive/);
    expect(s.jobNames()).toEqual(['a']);
  });
});
