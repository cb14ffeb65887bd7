import { seoulDate } from '@roastery/clock';
import { startBroker, stopBroker, waitFor } from '@roastery/testing';
import { BillingWorld, DAY_MS, type Reconciliation, type Subscriber } from './support/billing-world';
import { ChaosStack } from './support/chaos-stack';

/**
 * Chaos with real processes: two user-service instances on one database and namespace,
 * business-service and the toss-sandbox. 300 subscriptions renew every two weeks on the shared
 * clock; each test is one more cycle lived through one kind of failure, and afterwards every due
 * cycle is charged exactly once (reconciled against the sandbox's payments, to the won), every
 * order is final or a decline waiting in dunning, and business-service committed stock exactly
 * for the paid orders. The last test stops the shared RabbitMQ node.
 */
const SUBSCRIBERS = 25;
const PER_SUBSCRIBER = 12;
const TOTAL = SUBSCRIBERS * PER_SUBSCRIBER;
// Subscribers 0–1 take the scarce option (quantity 1): 24 units at cycle 0, then 12 more, then none.
const SCARCE_SUBSCRIBERS = [0, 1];
const SCARCE_STOCK = SCARCE_SUBSCRIBERS.length * PER_SUBSCRIBER * 1.5;
// Subscribers 2–3 are declined in the sandbox-faults cycle and recover through dunning in the next.
const DECLINERS = [2, 3];
const LOST = [4, 5];
const SLOW = [6];

describe('billing engine and order saga under chaos (2 × user-service, business-service, toss-sandbox as processes)', () => {
  const s = new ChaosStack({
    userEnv: {
      // Charges time out quickly, so a slow sandbox makes outcomes unknown within the test's time.
      TOSS_CHARGE_TIMEOUT_MS: '1500',
      BILLING_BATCH_SIZE: '25',
      BILLING_CHARGE_CONCURRENCY: '8',
      BILLING_RUN_INTERVAL_MS: '4000',
      SUBSCRIBE_WAIT_MS: '30000',
    },
  });
  const world = new BillingWorld(s);
  /** In index order: the groups above are positions in this list. */
  const subscribers: Subscriber[] = [];

  const report = (label: string, r: Reconciliation, extra: Record<string, unknown> = {}) =>
    console.log(
      `[chaos] ${label}: ${JSON.stringify({ subscriptions: r.subscriptions, orders: r.orders, ordersByCycle: r.ordersByCycle, byStatus: r.byStatus, paid: r.paid, sandboxDone: r.sandboxDone, sandboxAborted: r.sandboxAborted, attempts: r.attempts, ledgerRows: r.ledgerRows, ledgerWon: r.ledgerWon, sandboxWon: r.sandboxWon, committedReservations: r.committedReservations, partnerOrders: r.partnerOrders, ...extra })}`,
    );


  /** The billing date the clock is on (every subscription started the same day, every two weeks). */
  const billingDate = () => seoulDate(s.clock.now());

  /**
   * Everything agrees, and every subscription has a box dated `date` — except those whose box of
   * the date before was charged on a dunning retry only after `date`: that date is passed over (the
   * billing-date rules: missed dates get no cycle), and their next box is on the date after.
   */
  async function expectReconciled(label: string, date: string, extra: Record<string, unknown> = {}): Promise<Reconciliation> {
    const r = await world.reconciled();
    const boxes = await world.count(`SELECT count(*) AS n FROM orders WHERE billing_date = $1`, [date]);
    const late = await world.count(
      `SELECT count(*) AS n FROM subscriptions s
        WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.subscription_id = s.id AND o.billing_date = $1)
          AND EXISTS (SELECT 1 FROM orders o WHERE o.subscription_id = s.id AND o.status = 'PAID' AND o.attempts > 1 AND o.billing_date BETWEEN $1::date - 14 AND $1::date - 1)
          AND s.next_billing_date > $1`,
      [date],
    );
    report(label, r, { ...extra, boxesDated: { [date]: boxes }, ...(late > 0 && { datePassedOverAfterALateRetry: late }) });
    expect(r.problems).toEqual([]);
    expect(r.subscriptions).toBe(TOTAL);
    expect(boxes).toBe(TOTAL - late);
    expect(r.ledgerWon).toBe(r.sandboxWon);
    expect(r.ledgerWon).toBe(r.paidWon);
    expect(r.ledgerRows).toBe(r.paid);
    expect(r.sandboxDone).toBe(r.paid);
    return r;
  }

  beforeAll(async () => {
    const started = Date.now();
    await s.start();
    await world.setUpCoffee({ plenty: 1_000_000, scarce: SCARCE_STOCK });
    for (let i = 0; i < SUBSCRIBERS; i += 5) subscribers.push(...(await Promise.all(Array.from({ length: Math.min(5, SUBSCRIBERS - i) }, (_, j) => world.subscriber(`chaos${i + j}`)))));
    const jobs = subscribers.flatMap((who, i) =>
      Array.from({ length: PER_SUBSCRIBER }, (_, k) => () => (SCARCE_SUBSCRIBERS.includes(i) ? world.subscribe(who, 'scarce', 1) : world.subscribe(who, 'plenty', ((i + k) % 3) + 1))),
    );
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }));
    const r = await expectReconciled('set-up (cycle 0)', billingDate());
    expect(r.paid).toBe(TOTAL);
    console.log(`[chaos] set-up: ${SUBSCRIBERS} subscribers, ${TOTAL} subscriptions charged in ${Math.round((Date.now() - started) / 1000)} s; logs in ${s.logDir}`);
  }, 300_000);

  let brokerTouched = false;
  afterAll(async () => {
    // Whatever happened, leave a running broker for everyone else.
    if (brokerTouched) await startBroker();
    await world.faults({}).catch(() => undefined);
    await s.stop();
  }, 60_000);

  it('a user-service instance SIGKILLed mid-batch while the other keeps running: the other finishes the batch, charging each cycle once', async () => {
    const [a, b] = s.users;
    // Each charge takes a little while, so the instances are still charging when one of them dies.
    await world.faults({ latencyMs: 150 });
    await s.advance(14 * DAY_MS);
    const date = billingDate();
    const runId = await world.requestRun();
    const { paid, charging } = await waitFor(
      async () => {
        const paid = await world.count(`SELECT count(*) AS n FROM orders WHERE billing_date = $1 AND status = 'PAID'`, [date]);
        const charging = await world.count(`SELECT count(*) AS n FROM orders WHERE status = 'CHARGING'`);
        return paid >= TOTAL / 10 && charging > 0 ? { paid, charging } : undefined;
      },
      'charging under way on both instances',
      60_000,
    );
    const killedAt = s.clock.now();
    await a.kill();
    await world.faults({});
    // What the survivor sends settles within moments; attempts older than the kill still pending
    // after a few seconds were the dead instance's, sent or about to be sent when it died.
    await new Promise((r) => setTimeout(r, 3_000));
    const orphaned = await world.count(`SELECT count(*) AS n FROM payment_attempts WHERE status = 'PENDING' AND created_at <= $1`, [killedAt]);
    expect(orphaned).toBeGreaterThan(0);
    // Attempts the dead instance had sent or was about to send keep their lease (90 s) on the shared clock.
    await s.advance(2 * 60_000);
    expect(b.running).toBe(true);
    await world.settled('the surviving instance to finish the batch', 120_000);
    const r = await expectReconciled(`kill (${date})`, date, { paidBeforeKill: paid, chargingAtKill: charging, orphanedByTheKill: orphaned });
    expect(r.byStatus['PAID'] + r.byStatus['STOCK_REFUSED']).toBe(r.orders);
    // The interrupted on-demand run is taken up again and completes.
    await waitFor(async () => (await world.count(`SELECT count(*) AS n FROM billing_runs WHERE run_id = $1 AND status = 'COMPLETED'`, [runId])) === 1, 'the interrupted run to complete', 90_000);
    // The killed instance comes back for the next tests.
    await a.start();
  }, 300_000);

  it('two engines started at once (two on-demand runs on the two instances, beside the scheduled one) place and charge each cycle once', async () => {
    await s.advance(14 * DAY_MS);
    const date = billingDate();
    const runs = await Promise.all([world.requestRun(), world.requestRun()]);
    await world.settled('both runs to finish', 120_000);
    // A run ends COMPLETED, or FAILED when its own bookkeeping hit an error (PostgreSQL is shared and
    // sometimes refuses connections); either way the boxes are placed and charged once.
    await waitFor(async () => (await world.count(`SELECT count(*) AS n FROM billing_runs WHERE run_id = ANY($1::uuid[]) AND status IN ('COMPLETED', 'FAILED')`, [runs])) === 2, 'both runs finished', 60_000);
    const placedBy = (await s.userDb.query(`SELECT coalesce(run_id::text, 'scheduled') AS engine, count(*)::int AS n FROM orders WHERE billing_date = $1 GROUP BY 1`, [date])).rows as { engine: string; n: number }[];
    const counted = (await s.userDb.query(`SELECT run_id, status, orders_placed FROM billing_runs WHERE run_id = ANY($1::uuid[])`, [runs])).rows as { run_id: string; status: string; orders_placed: number }[];
    // Each completed run counted exactly the orders that carry its id.
    for (const run of counted.filter((c) => c.status === 'COMPLETED')) expect(placedBy.find((p) => p.engine === run.run_id)?.n ?? 0).toBe(run.orders_placed);
    expect(placedBy.reduce((n, p) => n + p.n, 0)).toBe(TOTAL);
    // The engines really raced: more than one of them placed boxes of this cycle.
    expect(placedBy.length).toBeGreaterThanOrEqual(2);
    await expectReconciled(`two engines (${date})`, date, { placedBy: Object.fromEntries(placedBy.map((p) => [p.engine === 'scheduled' ? p.engine : `run ${runs.indexOf(p.engine) + 1}`, p.n])) });
  }, 300_000);

  it('the sandbox timing out and losing responses (latency above the client timeout, errors after the charge took effect, lost answers, slow charges): unknown outcomes resolve to one charge each', async () => {
    const who = (indices: number[]) => indices.map((i) => subscribers[i]);
    for (const d of who(DECLINERS)) await world.script(d, { outcome: 'insufficient_funds' });
    for (const l of who(LOST)) await world.script(l, { next: Array(8).fill('response_lost') });
    for (const w of who(SLOW)) await world.script(w, { next: Array(6).fill('very_slow') });
    await fetch(`${s.sandbox.url}/sandbox/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slowChargeMs: 3_000 }) });
    // Phase 1: every call answers after 2.5 s, the client gives up at 1.5 s; the charges still happen.
    await world.faults({ latencyMs: 2_500 });
    await s.advance(14 * DAY_MS);
    const date = billingDate();
    await waitFor(async () => (await world.count(`SELECT count(*) AS n FROM payment_attempts a JOIN orders o ON o.id = a.order_id WHERE o.billing_date = $1`, [date])) >= 60, 'charges sent into the slow sandbox', 60_000);
    await new Promise((r) => setTimeout(r, 3_000));
    const timedOut = await world.count(`SELECT count(*) AS n FROM payment_attempts WHERE status = 'UNKNOWN'`);
    // Phase 2: half the calls take effect and then answer 500 (FAILED_INTERNAL_SYSTEM_PROCESSING).
    await world.faults({ errorRate: 0.5, errorPhase: 'after' });
    await new Promise((r) => setTimeout(r, 6_000));
    await world.faults({});
    await world.settled('every unknown outcome resolved', 150_000);
    const r = await expectReconciled(`sandbox faults (${date})`, date, { unknownDuringTimeouts: timedOut });
    expect(timedOut).toBeGreaterThan(0);
    // Every scripted lost answer and slow charge happened.
    const queued = (await s.sandboxDb.query(`SELECT queued_outcomes FROM billing_keys WHERE customer_key = ANY($1::text[])`, [who([...LOST, ...SLOW]).map((w) => w.customerKey)])).rows as { queued_outcomes: string[] }[];
    expect(queued.flatMap((q) => q.queued_outcomes)).toEqual([]);
    // A lost or late answer never opened a second attempt: only the declined boxes wait for a retry.
    const declinedSubs = who(DECLINERS).flatMap((d) => d.subscriptions);
    const thisCycle = (await s.userDb.query(`SELECT subscription_id, status, attempts FROM orders WHERE billing_date = $1`, [date])).rows as { subscription_id: string; status: string; attempts: number }[];
    for (const o of thisCycle) {
      if (declinedSubs.includes(o.subscription_id)) expect(o.status).toBe('RETRY_SCHEDULED');
      else expect(['PAID', 'STOCK_REFUSED']).toContain(o.status);
      if (o.status !== 'STOCK_REFUSED') expect(o.attempts).toBe(1);
    }
    expect(r.byStatus['RETRY_SCHEDULED']).toBe(declinedSubs.length);
    // The cards work again: the next cycle retries them.
    for (const d of who(DECLINERS)) await world.script(d, { outcome: 'approve' });
  }, 300_000);

  it('an instance whose clock lags the others by weeks charges and answers the saga beside them: every box still completes its cycle once', async () => {
    const lagging = await s.startLaggingUserInstance('user-service-lagging');
    try {
      await s.advance(14 * DAY_MS);
      const date = billingDate();
      await world.requestRun();
      await world.settled('the cycle to finish with a lagging instance charging too', 150_000);
      // Attempts the lagging instance wrote carry its clock: days before the box was placed.
      const byLagging = await world.count(`SELECT count(*) AS n FROM payment_attempts a JOIN orders o ON o.id = a.order_id WHERE o.billing_date = $1 AND a.created_at < o.placed_at - interval '1 day'`, [date]);
      await expectReconciled(`lagging clock (${date})`, date, { chargedByTheLaggingInstance: byLagging });
      expect(byLagging).toBeGreaterThan(0);
    } finally {
      await lagging.stop();
      s.users = s.users.filter((u) => u !== lagging);
    }
  }, 300_000);

  it('RabbitMQ restarted mid-saga: boxes waiting for stock, charged boxes waiting to be announced, and retries all come through once', async () => {
    await s.advance(14 * DAY_MS);
    const date = billingDate();
    // Stop the broker as soon as the first boxes of the cycle are placed: the rest of the saga happens around the outage.
    await waitFor(async () => (await world.count(`SELECT count(*) AS n FROM orders WHERE billing_date = $1`, [date])) > 0, 'the first boxes placed', 30_000);
    let duringOutage: Record<string, number> = {};
    try {
      brokerTouched = true;
      await stopBroker();
      // Placing and charging go on without the broker; what must be told waits in the outboxes.
      await new Promise((r) => setTimeout(r, 8_000));
      const { rows } = await s.userDb.query(
        `SELECT (SELECT count(*) FROM orders WHERE billing_date = $1)::int AS placed, (SELECT count(*) FROM orders WHERE status = 'PENDING_STOCK')::int AS "waitingForStock",
                (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS unpublished`,
        [date],
      );
      duringOutage = rows[0];
      expect(duringOutage['waitingForStock'] + duringOutage['unpublished']).toBeGreaterThan(0);
    } finally {
      await startBroker();
    }
    await s.reconnectBus();
    await world.settled('the saga to finish after the broker came back', 180_000);
    await expectReconciled(`RabbitMQ restart (${date})`, date, { duringOutage });
    // The boxes declined in the sandbox-faults test were retried once (their second attempt) and charged.
    const retried = (await s.userDb.query(`SELECT status, attempts FROM orders WHERE attempts > 1`)).rows as { status: string; attempts: number }[];
    for (const o of retried) expect(o).toEqual({ status: 'PAID', attempts: 2 });
    // Nothing is left in the outboxes.
    await waitFor(async () => (await world.count(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`)) === 0, 'user-service outbox drained', 60_000);
    await waitFor(async () => Number((await s.businessDb.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`)).rows[0].n) === 0, 'business-service outbox drained', 60_000);
  }, 300_000);
});
