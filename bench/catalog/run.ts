/*
 * npm run bench:catalog — the subscriber catalog under load (issue 3, part 5). Not a test.
 *
 * Boots user-service in-process on a fresh database, loads the catalog through RabbitMQ exactly as
 * admin-service and business-service would feed it (the same consumers and inbox transactions), then
 * measures with autocannon (in a child process, 50 connections, loopback) side by side in one run:
 *   (a) list, a page of 20 with a filter, cache on      (c) bare Fastify serving the same JSON
 *   (b) cached item detail                              (d) plain NestJS + TypeORM reading 20 rows of 1,000
 *   (e) the same JSON from memory through NestJS with user-service's HTTP layer (guard, hooks),
 *   and the list and detail with the cache off (a second instance on the same database),
 * and counts the SQL statements per request for page sizes 10, 20 and 60.
 *
 * Settings: BENCH_ITEMS (10000), BENCH_DURATION seconds per run (10), BENCH_WARMUP seconds (2),
 * BENCH_CONNECTIONS (50), BENCH_ROUNDS (1; with more, ratios are the median of each round's), BENCH_PG_URL, BENCH_AMQP_URL, BENCH_REDIS_URL; BENCH_KEEP_DB=1 keeps the
 * database for a look at query plans afterwards.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type EventDefinition, catalogItemPublished, orderPaid, productStockChanged } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { queueNames } from '@roastery/messaging';
import { dropDatabase, ensureDatabase, parseDatabaseUrl } from '@roastery/persistence';
import { connect } from 'amqplib';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/user-service/src/app';
import { listStatement } from '../../apps/user-service/src/catalog/catalog-sql';
import { buildDataset } from './dataset';
import { seedPlainTable, startBareFastify, startPlainNest, startPlatformNest } from './reference-servers';
import { SqlCounter } from './sql-counter';

// Before anything opens a PostgreSQL connection.
const sql = SqlCounter.install();

const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 10_000);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 2);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const PG = process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const AMQP = process.env['BENCH_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const REDIS = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const LIST_PATH = '/api/catalog/items?roast=LIGHT&size=20';

interface LoadResult {
  requestsPerSecond: number;
  total: number;
  nodeCpuUsPerRequest?: number;
  pgCpuUsPerRequest?: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const log = (...args: unknown[]) => console.log(...args);

async function main(): Promise<void> {
  const suffix = Date.now().toString(36);
  const databaseUrl = `${PG}/bench_catalog_${suffix}`;
  const namespace = `bench${suffix}`;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    // Per-request info logs are off in every contender (bare Fastify logs nothing either).
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    AMQP_URL: AMQP,
    REDIS_URL: REDIS,
    AMQP_NAMESPACE: namespace,
    REDIS_PREFIX: `${namespace}:`,
    AMQP_QUEUE_EXPIRES_MS: '600000',
    CLOCK_MODE: 'system',
  };
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}` };
  log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`);
  log(`items ${ITEMS}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per run, load generator in a child process on the same cores\n`);

  const apps: NestFastifyApplication[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    // The loading writes ~60,000 small transactions; without waiting for each commit's fsync it
    // takes a fraction of the time. Reads, which are what is measured, do not depend on it.
    await ensureDatabase(databaseUrl);
    await withMaintenance(databaseUrl, (c, name) => c.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`));

    // --- user-service, cache on (consumes events) -----------------------------------------
    const cached = await createApp(env);
    apps.push(cached);
    const cachedUrl = await listen(cached);
    const ds = cached.get(DataSource);

    // --- load the catalog through the same consumers as production -------------------------
    const data = buildDataset(ITEMS);
    const loadStarted = Date.now();
    await publishAll(namespace, [
      ...data.published.map((p) => [catalogItemPublished, p] as const),
      ...data.stock.map((s) => [productStockChanged, s] as const),
      ...data.orders.map((o) => [orderPaid, o] as const),
    ]);
    const published = Date.now();
    const expectedInbox = 2 * (data.published.length + data.stock.length) + data.orders.length;
    await until(async () => {
      const [row] = await ds.query(
        `SELECT (SELECT count(*) FROM inbox)::int AS inbox, (SELECT count(*) FROM catalog_items)::int AS items, (SELECT count(*) FROM catalog_option_stock)::int AS stock`,
      );
      process.stdout.write(`\r  consumed: ${row.items} items, ${row.stock} option stocks, ${row.inbox}/${expectedInbox} handler runs   `);
      return row.inbox >= expectedInbox;
    }, 900_000);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const messages = data.published.length + data.stock.length + data.orders.length;
    log(`\nloaded ${data.published.length} items, ${data.stock.length} stock events and ${data.orders.length} paid orders through RabbitMQ in ${loadSeconds.toFixed(1)} s (publish ${((published - loadStarted) / 1000).toFixed(1)} s; ${Math.round(messages / loadSeconds)} messages/s end to end)`);
    // What autovacuum would do shortly after a bulk load; the plain table gets the same.
    await ds.query('VACUUM ANALYZE catalog_items');
    await ds.query('VACUUM ANALYZE catalog_option_stock');
    const [{ light }] = await ds.query(`SELECT count(*)::int AS light FROM catalog_items WHERE status = 'ON_SALE' AND roast_level = 'LIGHT'`);
    log(`filter roast=LIGHT matches ${light} of ${ITEMS} items`);

    // --- user-service, cache off (a second instance, HTTP only) ----------------------------
    const uncached = await createApp({ ...env, CATALOG_CACHE_ENABLED: 'false', MESSAGING_ENABLED: 'false' });
    apps.push(uncached);
    const uncachedUrl = await listen(uncached);

    // --- the same JSON for bare Fastify, and a detail to ask for -------------------------------
    const listJson = await (await fetch(uncachedUrl + LIST_PATH)).text();
    const detailId = data.published[0].catalogItemId;
    const detailPath = `/api/catalog/items/${detailId}`;
    const detailJson = await (await fetch(uncachedUrl + detailPath)).text();
    log(`list page: ${listJson.length} bytes; detail: ${detailJson.length} bytes (alsoRoastedBy: ${JSON.parse(detailJson).alsoRoastedBy.length})`);
    const bare = await startBareFastify({ '/list': listJson, '/detail': detailJson });
    closers.push(bare.close);
    await seedPlainTable(databaseUrl);
    const plain = await startPlainNest(databaseUrl);
    closers.push(plain.close);

    // --- SQL statements per request -----------------------------------------------------------
    log('\nSQL statements per request (cache off; 5 requests each, distinct pages):');
    const statements: Record<string, { perRequest: number; allPerRequest: number }> = {};
    for (const [label, paths] of [
      ...[10, 20, 60].map((size) => [`list size=${size}`, [1, 2, 3, 4, 5].map((page) => `/api/catalog/items?roast=LIGHT&size=${size}&page=${page}`)] as const),
      ...[10, 20, 60].map((size) => [`list size=${size}, q=예가체프, sort=price_asc`, [1, 2, 3, 4, 5].map((page) => `/api/catalog/items?q=${encodeURIComponent('예가체프')}&sort=price_asc&size=${size}&page=${page}`)] as const),
      ...[10, 20, 60].map((size) => [`list size=${size}, sort=popular`, [1, 2, 3, 4, 5].map((page) => `/api/catalog/items?sort=popular&size=${size}&page=${page}`)] as const),
      ['detail', data.published.slice(1, 6).map((p) => `/api/catalog/items/${p.catalogItemId}`)] as const,
    ]) {
      const counted = await sql.during(async () => {
        for (const path of paths) {
          const res = await fetch(uncachedUrl + path);
          if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
          await res.text();
        }
      });
      statements[label] = { perRequest: counted.catalog / paths.length, allPerRequest: counted.all / paths.length };
      log(`  ${label.padEnd(44)} ${statements[label].perRequest} statement(s) on catalog tables per request (all statements: ${statements[label].allPerRequest})`);
    }
    const explained = listStatement({ roast: 'LIGHT', sort: 'new', page: 1, size: 20 }, [], null, 5);
    const [plan] = await ds.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${explained.sql}`, explained.params);
    log(`  EXPLAIN ANALYZE of the list statement (roast=LIGHT, size 20): ${plan['QUERY PLAN'][0]['Execution Time'].toFixed(2)} ms execution`);

    // --- throughput -------------------------------------------------------------------------
    const floor = await startPlatformNest({ list: listJson, detail: detailJson });
    closers.push(floor.close);
    const mixedPaths = mixedListPaths();
    const L = {
      bareList: '(c) bare Fastify, list JSON',
      bareDetail: '(c) bare Fastify, detail JSON',
      floorList: '(e) NestJS + platform HTTP layer, list JSON',
      floorDetail: '(e) NestJS + platform HTTP layer, detail JSON',
      plain: '(d) NestJS + TypeORM, 20 of 1,000 rows',
      list: '(a) list, cache on',
      detail: '(b) detail, cache on',
      listOff: 'list, cache off',
      detailOff: 'detail, cache off',
      mixedOff: `list, cache off, ${mixedPaths.length} mixed queries`,
    };
    // Each target's pair runs back to back, so both see the same machine (other work shares its cores).
    const runs: [string, string, string[]][] = [
      [L.bareList, bare.url, ['/list']],
      [L.list, cachedUrl, [LIST_PATH]],
      [L.bareDetail, bare.url, ['/detail']],
      [L.detail, cachedUrl, [detailPath]],
      [L.plain, plain.url, ['/items']],
      [L.listOff, uncachedUrl, [LIST_PATH]],
      [L.floorList, floor.url, ['/list']],
      [L.floorDetail, floor.url, ['/detail']],
      [L.detailOff, uncachedUrl, [detailPath]],
      [L.mixedOff, uncachedUrl, mixedPaths],
    ];
    const rounds: Record<string, LoadResult[]> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      log(`\nthroughput, round ${round} of ${ROUNDS} (autocannon, ${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up; CPU per request of this process and of the database's backends):`);
      for (const [label, url, paths] of runs) {
        await autocannon(url, paths, WARMUP);
        // The pools' backends after the warm-up; busy connections stay open for the run.
        const pgPids: number[] = (await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).map(
          (row: { pid: number }) => row.pid,
        );
        const cpu0 = process.cpuUsage();
        const pg0 = backendCpuMs(pgPids);
        const r = await autocannon(url, paths, DURATION);
        const cpu = process.cpuUsage(cpu0);
        const pg1 = backendCpuMs(pgPids);
        r.nodeCpuUsPerRequest = Math.round((cpu.user + cpu.system) / r.total);
        // Backends that closed during the run (idle pool connections) cannot be read afterwards: left out.
        const pgMs = [...pg1].reduce((sum, [pid, ms]) => sum + (pg0.has(pid) ? ms - (pg0.get(pid) ?? 0) : 0), 0);
        r.pgCpuUsPerRequest = Math.round((pgMs * 1000) / r.total);
        (rounds[label] ??= []).push(r);
        log(
          `  ${label.padEnd(46)} ${Math.round(r.requestsPerSecond).toString().padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   CPU µs/req: node ${r.nodeCpuUsPerRequest}, postgres ${r.pgCpuUsPerRequest}${r.non2xx || r.errors ? `   (non-2xx ${r.non2xx}, errors ${r.errors})` : ''}`,
        );
      }
    }
    // Ratios are taken within a round (pairs measured back to back); with several rounds, the median.
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    const ratio = (a: string, b: string) => median(rounds[a].map((r, i) => r.requestsPerSecond / rounds[b][i].requestsPerSecond));
    const p99 = median(rounds[L.list].map((r) => r.p99));
    const sizes = ['list size=10', 'list size=20', 'list size=60'].map((l) => statements[l].perRequest);
    const targets = [
      { target: 'list (cache on) ≥ 40 % of bare Fastify', value: pct(ratio(L.list, L.bareList)), met: ratio(L.list, L.bareList) >= 0.4 },
      { target: 'list p99 < 50 ms', value: `${p99} ms`, met: p99 < 50 },
      { target: 'cached detail ≥ 60 % of bare Fastify', value: pct(ratio(L.detail, L.bareDetail)), met: ratio(L.detail, L.bareDetail) >= 0.6 },
      { target: 'list, cache off ≥ 100 % of NestJS + TypeORM', value: pct(ratio(L.listOff, L.plain)), met: ratio(L.listOff, L.plain) >= 1 },
      { target: 'SQL statements constant for sizes 10/20/60', value: sizes.join('/'), met: sizes.every((n) => n === sizes[0]) },
    ];
    const perRound = (a: string, b: string) => (ROUNDS > 1 ? `   (rounds: ${rounds[a].map((r, i) => pct(r.requestsPerSecond / rounds[b][i].requestsPerSecond)).join(', ')})` : '');
    log(`\nratios${ROUNDS > 1 ? ' (median over rounds of the ratio within each round)' : ''}:`);
    for (const [text, a, b] of [
      ['list cache on / bare Fastify (list JSON)', L.list, L.bareList],
      ['detail cache on / bare Fastify (detail JSON)', L.detail, L.bareDetail],
      ['list cache off / NestJS + TypeORM', L.listOff, L.plain],
      ['NestJS + platform layer / bare Fastify (list JSON)', L.floorList, L.bareList],
      ['NestJS + platform layer / bare Fastify (detail JSON)', L.floorDetail, L.bareDetail],
      ['list cache on / NestJS + platform layer (list JSON)', L.list, L.floorList],
      ['detail cache on / NestJS + platform layer (detail JSON)', L.detail, L.floorDetail],
      ['mixed list cache off / NestJS + TypeORM', L.mixedOff, L.plain],
      ['list cache on / NestJS + TypeORM', L.list, L.plain],
    ] as const) {
      log(`  ${text.padEnd(56)} ${pct(ratio(a, b)).padStart(5)}${perRound(a, b)}`);
    }
    log('targets:');
    for (const t of targets) log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value}`);

    const dir = join(__dirname, '..', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `catalog-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ machine, items: ITEMS, connections: CONNECTIONS, duration: DURATION, loadSeconds, statements, rounds, targets }, null, 2));
    log(`\nresults written to ${file}`);
  } finally {
    // Let requests still in flight when the last run ended finish before connections close.
    await new Promise((r) => setTimeout(r, 1000));
    for (const close of closers) await close().catch(() => undefined);
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await cleanUp(namespace, databaseUrl);
  }
}

/** Queries a storefront would send: filters, sorts, pages and searches (Korean and English). */
function mixedListPaths(): string[] {
  const paths: string[] = [];
  for (const roast of ['LIGHT', 'MEDIUM', 'DARK']) for (const sort of ['new', 'price_asc', 'price_desc']) for (const page of [1, 2, 5]) paths.push(`/api/catalog/items?roast=${roast}&sort=${sort}&page=${page}`);
  for (const q of ['konga', '예가체프', '꽃향', 'washed', 'geisha', '에티오피아 내추럴']) paths.push(`/api/catalog/items?q=${encodeURIComponent(q)}`);
  for (const origin of ['Kenya', '콜롬비아', 'Guji']) paths.push(`/api/catalog/items?origin=${encodeURIComponent(origin)}&minPrice=20000&maxPrice=40000`);
  paths.push('/api/catalog/items?sort=popular', '/api/catalog/items', '/api/catalog/items?page=40&size=60');
  return paths;
}

async function withMaintenance(databaseUrl: string, fn: (client: Client, database: string) => Promise<unknown>): Promise<void> {
  const { database, maintenanceUrl } = parseDatabaseUrl(databaseUrl);
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await fn(client, database);
  } finally {
    await client.end();
  }
}

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Publishes envelopes to the namespace's exchange with publisher confirms, a window at a time. */
async function publishAll(namespace: string, events: (readonly [EventDefinition, unknown])[]): Promise<void> {
  const connection = await connect(AMQP);
  const channel = await connection.createConfirmChannel();
  try {
    for (let i = 0; i < events.length; i += 500) {
      for (const [def, payload] of events.slice(i, i + 500)) {
        const envelope = buildEnvelope(def, payload as never, { source: 'bench' });
        channel.publish(`${namespace}.events`, def.type, Buffer.from(JSON.stringify(envelope)), {
          persistent: true,
          contentType: 'application/json',
          messageId: envelope.id,
          type: envelope.type,
          correlationId: envelope.correlationId,
        });
      }
      await channel.waitForConfirms();
    }
  } finally {
    await channel.close();
    await connection.close();
  }
}

function autocannon(url: string, paths: string[], duration: number): Promise<LoadResult> {
  const options = JSON.stringify({ url, paths, connections: CONNECTIONS, duration });
  return new Promise((resolve, reject) => {
    const register = join(__dirname, '..', '..', 'tools', 'register.cjs');
    execFile(process.execPath, ['-r', register, join(__dirname, 'load-generator.ts'), options], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`autocannon failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout) as LoadResult);
    });
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the catalog to load');
    await new Promise((r) => setTimeout(r, 500));
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

/** CPU time (user + system, ms) each of the given processes has used so far, from /proc (Linux). */
function backendCpuMs(pids: number[]): Map<number, number> {
  const tick = 100; // USER_HZ on Linux
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) / tick) * 1000);
    } catch {
      // the backend is gone
    }
  }
  return used;
}

/** Leaves nothing behind: the database, the Redis keys and the namespace's exchange and queues. */
async function cleanUp(namespace: string, databaseUrl: string): Promise<void> {
  const redis = new Redis(REDIS);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  const connection = await connect(AMQP);
  try {
    const channel = await connection.createChannel();
    const names = queueNames(namespace, 'user-service');
    for (const queue of [names.queue, names.dlq]) await channel.deleteQueue(queue);
    await channel.deleteExchange(names.exchange);
    await channel.close();
  } catch {
    // Queues of a test namespace expire by themselves (AMQP_QUEUE_EXPIRES_MS).
  } finally {
    await connection.close().catch(() => undefined);
  }
  if (process.env['BENCH_KEEP_DB'] === '1') console.log(`kept ${databaseUrl}`);
  else await dropDatabase(databaseUrl);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('\nbench:catalog failed:', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
