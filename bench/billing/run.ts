/*
 * npm run bench:billing [-- --sizes 10000,50000,100000] — recurring billing at scale (issue 5, §8).
 * Not a test, never part of `npm test`.
 *
 * 1. Reference: pgbench's TPC-B-like figure on this machine in the same run (scratch database,
 *    `pgbench -i -s 10`, then 16 clients / 2 threads for 20 s, as REFERENCE-FIGURES.md measured it).
 * 2. For each size: starts a fresh stack as `npm start` does (libs/devstack: user-service,
 *    business-service, admin-service and toss-sandbox as real processes, databases
 *    `bench_billing_<run>_<size>_*`, its own AMQP namespace and Redis prefix), seeds the demo
 *    partner and coffee through the real onboarding, gives the option enough stock, seeds N due
 *    subscriptions (bench/billing/seed.ts), then starts a billing run the way an operator does,
 *    `POST /admin/billing/run` on admin-service, and measures until every cycle is charged.
 * 3. Reconciles every charge with the sandbox's own database: no cycle with more than one DONE
 *    payment, every ledger row backed by a sandbox payment and vice versa, equal amounts, every
 *    seeded subscription charged exactly once and moved to cycle 2.
 * 4. Stops the stack and drops its databases.
 *
 * Settings: --sizes (or BENCH_SIZES), --pgbench-seconds (20), --pgbench-clients (16),
 * --sandbox-alone N (also measures the sandbox's charge endpoint alone with N charges, default 0),
 * BENCH_PG_URL, BENCH_AMQP_URL, BENCH_REDIS_URL, BENCH_KEEP_DB=1, and any BILLING_* variable,
 * which is passed to the services (e.g. BILLING_CHARGE_CONCURRENCY=64).
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEMO, ensureAccount, seedDemo, startStack, type RunningStack } from '@roastery/devstack';
import { dropDatabase, parseDatabaseUrl } from '@roastery/persistence';
import { Client } from 'pg';
import { type Coffee, type SeededSubscription, seedSubscriptions, seoulDate } from './seed';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const PG = process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const AMQP = process.env['BENCH_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const REDIS = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

const SIZES = arg('sizes', process.env['BENCH_SIZES'] ?? '10000,50000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const PGBENCH_SECONDS = Number(arg('pgbench-seconds', '20'));
const PGBENCH_CLIENTS = Number(arg('pgbench-clients', '16'));
const SANDBOX_ALONE = Number(arg('sandbox-alone', '0'));
const TARGET_RATIO = 0.15;

const log = (...args: unknown[]) => console.log(...args);

interface SizeResult {
  size: number;
  seedSeconds: number;
  totalSeconds: number;
  placedSeconds: number;
  readySeconds: number;
  renewalsPerSecond: number;
  reconciliation: Reconciliation;
  cpuSeconds: Record<string, number>;
  machineBusy: number;
  sandboxAlone?: { charges: number; seconds: number; perSecond: number };
}

interface Reconciliation {
  subscriptions: number;
  sandboxDonePayments: number;
  ledgerCharges: number;
  doubleCharges: number;
  ledgerWithoutSandboxPayment: number;
  sandboxPaymentWithoutLedger: number;
  amountMismatches: number;
  missedCycles: number;
  scheduleNotAdvanced: number;
  unexpectedPayments: number;
  ok: boolean;
}

async function main(): Promise<void> {
  const tag = `bench_billing_${Date.now().toString(36)}`;
  log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.type()} ${os.release()}`);
  log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine shares its 2 cores)`);
  log(`sizes: ${SIZES.join(', ')}; settings passed to the services: ${JSON.stringify(billingEnv())}\n`);

  const pgbenchBefore = await pgbench(tag);
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await benchSize(tag, size));
  const pgbenchAfter = await pgbench(tag);
  const tps = (pgbenchBefore + pgbenchAfter) / 2;

  log('\n=== bench:billing results ===');
  log(`pgbench TPC-B-like (scale 10, ${PGBENCH_CLIENTS} clients, ${PGBENCH_SECONDS} s): before ${pgbenchBefore.toFixed(0)} tps, after ${pgbenchAfter.toFixed(0)} tps, mean ${tps.toFixed(0)} tps; target ${TARGET_RATIO} × = ${(TARGET_RATIO * tps).toFixed(0)} renewals/s`);
  log('size      | total s | place s | stock s | renewals/s | ratio to pgbench | reconciliation');
  for (const r of results) {
    const rec = r.reconciliation;
    log(
      `${String(r.size).padEnd(9)} | ${r.totalSeconds.toFixed(1).padStart(7)} | ${r.placedSeconds.toFixed(1).padStart(7)} | ${r.readySeconds.toFixed(1).padStart(7)} | ${r.renewalsPerSecond.toFixed(0).padStart(10)} | ${(r.renewalsPerSecond / tps).toFixed(3).padStart(16)} | ` +
        `${rec.ok ? 'OK' : 'FAILED'}: ${rec.sandboxDonePayments} DONE at the sandbox, ${rec.ledgerCharges} ledger rows, double ${rec.doubleCharges}, missed ${rec.missedCycles}, ledger w/o payment ${rec.ledgerWithoutSandboxPayment}, payment w/o ledger ${rec.sandboxPaymentWithoutLedger}, amount mismatches ${rec.amountMismatches}`,
    );
  }
  if (results.length > 1) {
    const first = results[0];
    for (const r of results.slice(1)) {
      log(`growth ${first.size} → ${r.size}: ×${(r.size / first.size).toFixed(1)} subscriptions, ×${(r.totalSeconds / first.totalSeconds).toFixed(2)} time (linear would be ×${(r.size / first.size).toFixed(1)}); renewals/s ${first.renewalsPerSecond.toFixed(0)} → ${r.renewalsPerSecond.toFixed(0)}`);
    }
  }
  log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', `billing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ pgbench: { before: pgbenchBefore, after: pgbenchAfter, mean: tps }, env: billingEnv(), results }, null, 2));
  log(`figures written to ${file}`);
  if (results.some((r) => !r.reconciliation.ok)) process.exitCode = 2;
}

/** BILLING_* (and a few other) settings given to this process are passed on to the services. */
function billingEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && /^(BILLING_|TOSS_SANDBOX_|DB_POOL)/.test(k))) as Record<string, string>;
}

async function benchSize(tag: string, size: number): Promise<SizeResult> {
  const prefix = `${tag}_${size}`;
  const namespace = prefix.replace(/_/g, '');
  // Free ports outside the range the system tests pick theirs from (4100–5004): a test that found
  // one of ours would drive this stack (its clock, its billing runs) in the middle of the run.
  const base = await freePorts(5);
  const logDir = join(ROOT, 'tmp', 'bench-billing', prefix);
  log(`\n--- ${size} subscriptions: starting the stack (databases ${prefix}_*, ports ${base}–${base + 3}, logs ${logDir}) ---`);
  let stack: RunningStack | null = null;
  const clients: Client[] = [];
  try {
    stack = await startStack({
      dbPrefix: prefix,
      namespace,
      ports: { 'user-service': base, 'business-service': base + 1, 'admin-service': base + 2, 'toss-sandbox': base + 3, web: base + 4 },
      pgUrl: PG,
      amqpUrl: AMQP,
      redisUrl: REDIS,
      logDir,
      env: {
        LOG_LEVEL: 'warn',
        AMQP_QUEUE_EXPIRES_MS: '600000',
        // Only the run the benchmark starts bills: the scheduled run would start on its own.
        BILLING_RUN_INTERVAL_MS: '86400000',
        // The system clock: runs of this benchmark saw their namespace's shared clock moved weeks
        // ahead mid-run (source not found), which billed cycle 2 of some subscriptions in the same run.
        CLOCK_MODE: 'system',
        ...billingEnv(),
      },
    });
    const urls = { user: stack.urls['user-service'], business: stack.urls['business-service'], admin: stack.urls['admin-service'] };
    const seedStarted = Date.now();
    await seedDemo(urls, stack.databaseUrls['user-service']);
    const user = await connect(stack.databaseUrls['user-service'], clients);
    const business = await connect(stack.databaseUrls['business-service'], clients);
    const sandbox = await connect(stack.databaseUrls['toss-sandbox'], clients);
    const coffee = await demoCoffee(business);
    // Enough stock for every box (quantities 1–3).
    await business.query(`UPDATE product_options SET stock = $2 WHERE id = $1`, [coffee.optionId, size * 3 + 1000]);
    const today = seoulDate(new Date());
    const seeded = await seedSubscriptions(user, sandbox, size, coffee, today, prefix);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    log(`seeded ${size} due subscriptions to "${coffee.itemName}" (${coffee.optionLabel}, ${coffee.unitPriceWon} won), billing date ${today}, in ${seedSeconds.toFixed(1)} s`);

    const sandboxAlone = SANDBOX_ALONE > 0 ? await measureSandboxAlone(stack.urls['toss-sandbox'], sandbox, SANDBOX_ALONE) : undefined;

    const adminToken = await ensureAccount(urls.user, DEMO.admin);
    const cpuBefore = serviceCpu(prefix);
    const machineBefore = machineCpu();
    const started = Date.now();
    const res = await fetch(`${urls.admin}/admin/billing/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, 'idempotency-key': randomUUID() },
      body: '{}',
    });
    if (res.status !== 202) throw new Error(`POST /admin/billing/run answered ${res.status}: ${await res.text()}`);
    const runId = ((await res.json()) as { id?: string; runId?: string }).id;
    let placedAt = 0;
    let readyAt = 0;
    let lastLine = 0;
    const deadline = Date.now() + Math.max(600_000, size * 20);
    for (;;) {
      const [row] = (
        await user.query(
          `SELECT count(*)::int AS orders,
                  count(*) FILTER (WHERE status <> 'PENDING_STOCK')::int AS decided,
                  count(*) FILTER (WHERE status = 'PAID')::int AS paid,
                  count(*) FILTER (WHERE status IN ('PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING'))::int AS pending
             FROM orders WHERE cycle = 1`,
        )
      ).rows;
      const t = (Date.now() - started) / 1000;
      if (!placedAt && row.orders >= size) placedAt = t;
      if (!readyAt && row.decided >= size) readyAt = t;
      if (Date.now() - lastLine > 5_000) {
        log(`  ${t.toFixed(0).padStart(4)} s: ${row.orders} placed, ${row.decided} past stock, ${row.paid} paid`);
        lastLine = Date.now();
      }
      if (row.orders >= size && row.pending === 0) break;
      if (Date.now() > deadline) throw new Error(`not every cycle was charged in time: ${JSON.stringify(row)}`);
      await sleep(200);
    }
    const totalSeconds = (Date.now() - started) / 1000;
    const machineBusy = machineCpu().busyShare(machineBefore);
    const cpuAfter = serviceCpu(prefix);
    const cpuSeconds = Object.fromEntries(Object.entries(cpuAfter).map(([k, v]) => [k, +(v - (cpuBefore[k] ?? 0)).toFixed(1)]));
    const renewalsPerSecond = size / totalSeconds;
    log(`all ${size} cycles settled in ${totalSeconds.toFixed(1)} s (placed by ${placedAt.toFixed(1)} s, stock answered by ${readyAt.toFixed(1)} s): ${renewalsPerSecond.toFixed(0)} renewals/s`);
    log(`CPU seconds during the run: ${JSON.stringify(cpuSeconds)}; machine busy ${(machineBusy * 100).toFixed(0)} %`);
    if (runId) await waitRunCompleted(urls.admin, adminToken, runId);

    const reconciliation = await reconcile(user, sandbox, seeded);
    log(`reconciliation: ${JSON.stringify(reconciliation)}`);
    return { size, seedSeconds, totalSeconds, placedSeconds: placedAt, readySeconds: readyAt, renewalsPerSecond, reconciliation, cpuSeconds, machineBusy, sandboxAlone };
  } finally {
    for (const c of clients) await c.end().catch(() => undefined);
    if (stack) {
      await stack.stop();
      if (process.env['BENCH_KEEP_DB'] === '1') log(`kept databases ${prefix}_*`);
      else for (const url of Object.values(stack.databaseUrls)) await dropDatabase(url).catch((e: unknown) => log(`could not drop ${url}: ${String(e)}`));
    }
  }
}

/** The demo coffee's first option: ids and price as business-service has them on sale. */
async function demoCoffee(business: Client): Promise<Coffee> {
  const { rows } = await business.query(
    `SELECT p.id AS product_id, p.partner_id, p.catalog_item_id, v.content, v.options
       FROM products p JOIN product_versions v ON v.product_id = p.id AND v.version = p.on_sale_version
      WHERE p.status = 'APPROVED' ORDER BY p.created_at LIMIT 1`,
  );
  if (rows.length === 0) throw new Error('the demo coffee is not on sale');
  const [p] = rows;
  const option = (p.options as { id: string; weightGrams: number; grind: string; priceWon: number }[])[0];
  if (!p.catalog_item_id) throw new Error('the demo coffee has no catalog item id yet');
  return {
    catalogItemId: p.catalog_item_id,
    productId: p.product_id,
    partnerId: p.partner_id,
    optionId: option.id,
    itemName: (p.content as { name: string }).name,
    optionLabel: `${option.weightGrams}g · ${option.grind}`,
    unitPriceWon: option.priceWon,
  };
}

/**
 * Every seeded subscription's cycle 1 against the sandbox's own records. Payments are matched by
 * paymentKey (the ledger's) and by orderId, which names the subscription and cycle.
 */
async function reconcile(user: Client, sandbox: Client, seeded: SeededSubscription[]): Promise<Reconciliation> {
  let payments = (await sandbox.query(`SELECT payment_key, order_id, total_amount::bigint AS amount FROM payments WHERE status = 'DONE' AND order_id LIKE 's%'`)).rows as { payment_key: string; order_id: string; amount: string }[];
  let ledger = (
    await user.query(
      `SELECT l.payment_key, l.toss_order_id, l.amount_won, o.subscription_id, o.cycle, o.total_won
         FROM payment_ledger l JOIN orders o ON o.id = l.order_id WHERE l.kind = 'CHARGE'`,
    )
  ).rows as { payment_key: string; toss_order_id: string; amount_won: number; subscription_id: string; cycle: number; total_won: number }[];
  const subs = (await user.query(`SELECT id, next_cycle, open_order_id FROM subscriptions`)).rows as { id: string; next_cycle: number; open_order_id: string | null }[];

  const cycleOf = (orderId: string) => orderId.replace(/-a\d+$/, ''); // s<sub>-c<cycle>
  // Only the seeded subscriptions are reconciled; the demo subscriber's own charges (seedDemo) are counted apart.
  const seededCompact = new Set(seeded.map((s) => `s${s.subscriptionId.replace(/-/g, '')}`));
  const seededIds = new Set(seeded.map((s) => s.subscriptionId));
  const allPayments = payments;
  payments = allPayments.filter((p) => seededCompact.has(p.order_id.split('-')[0]));
  const allLedger = ledger;
  ledger = allLedger.filter((l) => seededIds.has(l.subscription_id));
  const otherCharges = allPayments.length - payments.length;
  if (otherCharges > 0 || allLedger.length !== ledger.length) log(`not reconciled (the demo subscriber's own charges): ${otherCharges} at the sandbox, ${allLedger.length - ledger.length} in the ledger`);
  const paymentsByCycle = new Map<string, number>();
  for (const p of payments) paymentsByCycle.set(cycleOf(p.order_id), (paymentsByCycle.get(cycleOf(p.order_id)) ?? 0) + 1);
  const paymentByKey = new Map(payments.map((p) => [p.payment_key, p]));
  const ledgerByKey = new Map(ledger.map((l) => [l.payment_key, l]));
  const ledgerBySub = new Map<string, number>();
  for (const l of ledger) if (l.cycle === 1) ledgerBySub.set(l.subscription_id, (ledgerBySub.get(l.subscription_id) ?? 0) + 1);

  let amountMismatches = 0;
  let ledgerWithoutSandboxPayment = 0;
  for (const l of ledger) {
    const p = paymentByKey.get(l.payment_key);
    if (!p) ledgerWithoutSandboxPayment++;
    else if (Number(p.amount) !== l.amount_won || l.amount_won !== l.total_won || p.order_id !== l.toss_order_id) amountMismatches++;
  }
  const sandboxPaymentWithoutLedger = payments.filter((p) => !ledgerByKey.has(p.payment_key)).length;
  const doubleCharges = [...paymentsByCycle.values()].filter((n) => n > 1).length + [...ledgerBySub.values()].filter((n) => n > 1).length;
  const expected = new Set(seeded.map((s) => `s${s.subscriptionId.replace(/-/g, '')}-c1`));
  const unexpected = payments.filter((p) => !expected.has(cycleOf(p.order_id)));
  if (unexpected.length > 0) log(`payments at the sandbox for no seeded cycle: ${JSON.stringify(unexpected.slice(0, 5))}`);
  const subById = new Map(subs.map((s) => [s.id, s]));
  let missedCycles = 0;
  let scheduleNotAdvanced = 0;
  for (const s of seeded) {
    const compact = s.subscriptionId.replace(/-/g, '');
    if ((paymentsByCycle.get(`s${compact}-c1`) ?? 0) !== 1 || (ledgerBySub.get(s.subscriptionId) ?? 0) !== 1) missedCycles++;
    const row = subById.get(s.subscriptionId);
    if (!row || row.next_cycle !== 2 || row.open_order_id !== null) scheduleNotAdvanced++;
  }
  const r = {
    subscriptions: seeded.length,
    sandboxDonePayments: payments.length,
    ledgerCharges: ledger.length,
    doubleCharges,
    ledgerWithoutSandboxPayment,
    sandboxPaymentWithoutLedger,
    amountMismatches,
    missedCycles,
    scheduleNotAdvanced,
    unexpectedPayments: unexpected.length,
  };
  return { ...r, ok: doubleCharges + ledgerWithoutSandboxPayment + sandboxPaymentWithoutLedger + amountMismatches + missedCycles + scheduleNotAdvanced + unexpected.length === 0 && payments.length === seeded.length };
}

/** The sandbox's charge endpoint alone: n charges of fresh keys, 32 in flight, straight over HTTP. */
async function measureSandboxAlone(sandboxUrl: string, sandbox: Client, n: number): Promise<{ charges: number; seconds: number; perSecond: number }> {
  const keys = Array.from({ length: n }, (_, i) => ({ billingKey: `alone${i}_${randomUUID()}=`, customerKey: `cus_alone_${i}_${randomUUID().slice(0, 8)}` }));
  await sandbox.query(
    `INSERT INTO billing_keys (billing_key, customer_key, card, authenticated_at, outcome, queued_outcomes, deleted_at)
     SELECT k, c, $3::jsonb, now(), 'approve', '[]'::jsonb, NULL FROM unnest($1::text[], $2::text[]) AS t(k, c)`,
    [keys.map((k) => k.billingKey), keys.map((k) => k.customerKey), JSON.stringify({ number: '43301234****123*', issuerCode: '61', acquirerCode: '31', company: '현대', cardType: '신용', ownerType: '개인', outcome: 'approve' })],
  );
  const auth = `Basic ${Buffer.from('test_sk_roastery_local_sandbox:').toString('base64')}`;
  let next = 0;
  const started = Date.now();
  const lane = async () => {
    while (next < keys.length) {
      const k = keys[next++];
      const res = await fetch(`${sandboxUrl}/v1/billing/${encodeURIComponent(k.billingKey)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ customerKey: k.customerKey, amount: 18000, orderId: `alone-${randomUUID()}`, orderName: 'bench' }),
      });
      if (res.status !== 200) throw new Error(`sandbox charge answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 32 }, lane));
  const seconds = (Date.now() - started) / 1000;
  log(`sandbox alone: ${n} charges in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} charges/s (32 in flight)`);
  return { charges: n, seconds, perSecond: n / seconds };
}

async function waitRunCompleted(adminUrl: string, token: string, runId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${adminUrl}/admin/billing/runs/${runId}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) {
      const body = (await res.json()) as { status: string; counts?: unknown };
      if (body.status === 'COMPLETED' || body.status === 'FAILED') {
        log(`admin-service sees run ${runId}: ${body.status} ${JSON.stringify(body.counts ?? {})}`);
        return;
      }
    }
    await sleep(500);
  }
  log(`admin-service did not see run ${runId} complete within 30 s`);
}

/** pgbench TPC-B-like on a scratch database, as REFERENCE-FIGURES.md measured it. */
async function pgbench(tag: string): Promise<number> {
  const db = `${tag}_pgbench`;
  const { maintenanceUrl } = parseDatabaseUrl(`${PG}/${db}`);
  const admin = new Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${db}"`);
    await admin.query(`CREATE DATABASE "${db}"`);
    const url = `${PG}/${db}`;
    await run('pgbench', ['-i', '-q', '-s', '10', url], { maxBuffer: 1 << 24 });
    const { stdout } = await run('pgbench', ['-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), url], { maxBuffer: 1 << 24 });
    const m = /tps = ([\d.]+)/.exec(stdout);
    if (!m) throw new Error(`cannot read pgbench output:\n${stdout}`);
    const tps = Number(m[1]);
    log(`pgbench TPC-B-like, scale 10, ${PGBENCH_CLIENTS} clients, 2 threads, ${PGBENCH_SECONDS} s: ${tps.toFixed(0)} tps (load average ${os.loadavg()[0].toFixed(2)})`);
    return tps;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${db}"`).catch(() => undefined);
    await admin.end();
  }
}

async function connect(url: string, clients: Client[]): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  clients.push(c);
  return c;
}

/** CPU seconds (user + system) of each service process of this stack, found through /proc. */
function serviceCpu(prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  const tick = 100;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const m = /apps\/([a-z-]+)\/src\/main\.ts/.exec(cmd);
      if (!m) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`${prefix}_`)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[m[1]] = (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      /* gone */
    }
  }
  // PostgreSQL backends of the stack's databases are not told apart here; the machine share covers them.
  return out;
}

function machineCpu(): { busy: number; total: number; busyShare(before: { busy: number; total: number }): number } {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
  const v = line.split(/\s+/).slice(1).map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  const busy = total - idle;
  return { busy, total, busyShare: (b) => (busy - b.busy) / Math.max(1, total - b.total) };
}

/** A base port with `count` free ports after it, in 6200–6995. */
async function freePorts(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let tries = 0; tries < 50; tries++) {
    const base = 6200 + Math.floor(Math.random() * 160) * 5;
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error('no free ports in 6200–6995');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error('\nbench:billing failed:', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
