// Integration spec: a tiny Nest app on Fastify (built by createHttpApp, as every service is) with
// the IdempotencyModule on a throw-away PostgreSQL database.
import { randomUUID } from 'node:crypto';
import { type CanActivate, Controller, type ExecutionContext, Injectable, Module, Post, Body, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { createHttpApp, HttpPlatformModule, unprocessable } from '@roastery/http';
import { createLogger } from '@roastery/observability';
import { dropDatabase, PersistenceModule } from '@roastery/persistence';
import { Scheduler, SchedulerModule } from '@roastery/scheduler';
import { HttpClient, TEST_PG_URL, uniqueSuffix, waitFor } from '@roastery/testing';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { requestHash } from './canonical-json';
import { IdempotencyHousekeeping } from './idempotency-housekeeping';
import { idempotencyEntities } from './idempotency-key.entity';
import { IdempotencyModule } from './idempotency.module';
import { currentIdempotencyKey, Idempotent, IdempotencyKey } from './idempotent.decorator';
import { CreateIdempotencyKeys1732000000001 } from './migrations/1732000000001-create-idempotency-keys';

const LEASE_MS = 1_000;
const logger = createLogger('idempotency-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

/** What the routes did, and switches a test flips to make the next call slow or failing. */
class Effects {
  calls = 0;
  failNext = false;
  gate: Promise<void> | null = null;
}
const effects = new Effects();

/** Stands in for the AuthGuard: the account comes from a test header; without it the call is anonymous. */
@Injectable()
class TestAuthGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const account = req.headers['x-test-account'];
    if (typeof account === 'string') req.principal = { userId: account, roles: ['SUBSCRIBER'], partnerIds: [] };
    return true;
  }
}

@Controller()
class OrdersController {
  @Idempotent()
  @Post('orders')
  async create(@Body() body: { item?: string; refuse?: boolean }, @IdempotencyKey() key: string | undefined, @CurrentPrincipal() me: Principal) {
    const n = ++effects.calls;
    if (effects.gate) await effects.gate;
    if (effects.failNext) {
      effects.failNext = false;
      throw new Error('the database went away');
    }
    if (body.refuse) throw unprocessable('OUT_OF_STOCK', 'sold out');
    return { id: randomUUID(), n, key: key ?? null, contextKey: currentIdempotencyKey() ?? null, account: me.userId };
  }

  @Idempotent()
  @Post('anonymous')
  anonymous() {
    return { n: ++effects.calls };
  }

  @Post('plain')
  plain(@IdempotencyKey() key: string | undefined) {
    return { n: ++effects.calls, key: key ?? null };
  }
}

@Module({})
class TestAppModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: TestAppModule,
      imports: [
        PersistenceModule.forRoot({ url, service: 'idempotency-test', entities: idempotencyEntities, migrations: [CreateIdempotencyKeys1732000000001] }),
        SchedulerModule.forRootAsync({ useFactory: () => ({ connectionString: url, service: 'idempotency-test', enabled: false }) }),
        IdempotencyModule.forRoot({ logger, leaseMs: LEASE_MS }),
        // createHttpApp expects the service's metrics.
        HttpPlatformModule.forRoot({ service: 'idempotency-test', healthChecks: { inject: [], useFactory: () => [] } }),
      ],
      controllers: [OrdersController],
      providers: [{ provide: APP_GUARD, useClass: TestAuthGuard }],
    };
  }
}

describe('Idempotency-Key on @Idempotent routes (Nest + Fastify, real PostgreSQL)', () => {
  const url = `${TEST_PG_URL}/t_platform_idem_${uniqueSuffix()}`;
  let app: NestFastifyApplication;
  let http: HttpClient;
  let db: DataSource;

  beforeAll(async () => {
    app = await createHttpApp(TestAppModule.forRoot(url), {
      service: 'idempotency-test',
      logger,
      bodyLimit: 65_536,
      trustProxy: '127.0.0.1',
      docs: { title: 'test', description: 'test' },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    http = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    await dropDatabase(url);
  });
  afterEach(() => {
    effects.gate = null;
    effects.failNext = false;
  });

  const post = (path: string, body: unknown, o: { key?: string; account?: string | null } = {}) => {
    const headers: Record<string, string> = {};
    if (o.key !== undefined) headers['idempotency-key'] = o.key;
    if (o.account !== null) headers['x-test-account'] = o.account ?? 'acc-1';
    return http.post(path, body, { headers });
  };
  const stored = (key: string) => db.query(`SELECT * FROM http_idempotency_keys WHERE key = $1`, [key]);
  const gate = () => {
    let open!: () => void;
    effects.gate = new Promise<void>((r) => (open = r));
    return () => open();
  };

  it('stores the first answer and hands the key to the handler', async () => {
    const key = randomUUID();
    const before = effects.calls;
    const res = await post('/orders', { item: 'beans' }, { key });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body).toMatchObject({ n: before + 1, key, contextKey: key, account: 'acc-1' });
    const [row] = await stored(key);
    expect(row).toMatchObject({ account_id: 'acc-1', method: 'POST', path: '/orders', response_status: 201, response_body: res.body });
  });

  it('replays status and body, with Idempotent-Replayed: true, for the same key and body (key order aside)', async () => {
    const key = randomUUID();
    const first = await post('/orders', { item: 'beans', note: { a: 1, b: 2 } }, { key });
    const calls = effects.calls;
    const again = await post('/orders', { note: { b: 2, a: 1 }, item: 'beans' }, { key });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(effects.calls).toBe(calls);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    await post('/orders', { item: 'beans' }, { key });
    const calls = effects.calls;
    const res = await post('/orders', { item: 'other beans' }, { key });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(effects.calls).toBe(calls);
  });

  it('runs a concurrent duplicate exactly once: the other gets 409 IDEMPOTENCY_IN_PROGRESS', async () => {
    const key = randomUUID();
    const open = gate();
    const before = effects.calls;
    const first = post('/orders', { item: 'beans' }, { key });
    await waitFor(() => effects.calls === before + 1, 'the first request to reach its handler');
    const second = await post('/orders', { item: 'beans' }, { key });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    open();
    expect((await first).status).toBe(201);
    expect(effects.calls).toBe(before + 1);
    const third = await post('/orders', { item: 'beans' }, { key });
    expect(third.body).toEqual((await first).body);
  });

  it('answers many simultaneous duplicates with one run and otherwise 409s or replays', async () => {
    const key = randomUUID();
    const before = effects.calls;
    const results = await Promise.all(Array.from({ length: 8 }, () => post('/orders', { item: 'beans' }, { key })));
    expect(effects.calls).toBe(before + 1);
    expect(results.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
  });

  it('stores a 4xx refusal and replays it', async () => {
    const key = randomUUID();
    const first = await post('/orders', { refuse: true }, { key });
    expect(first.status).toBe(422);
    expect(first.body).toEqual({ statusCode: 422, code: 'OUT_OF_STOCK', message: 'sold out' });
    const calls = effects.calls;
    const again = await post('/orders', { refuse: true }, { key });
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(effects.calls).toBe(calls);
  });

  it('does not store a 5xx: the key is released and a retry runs the route again', async () => {
    const key = randomUUID();
    effects.failNext = true;
    const failed = await post('/orders', { item: 'beans' }, { key });
    expect(failed.status).toBe(500);
    expect(await stored(key)).toHaveLength(0);
    const before = effects.calls;
    const retry = await post('/orders', { item: 'beans' }, { key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(effects.calls).toBe(before + 1);
  });

  it('lets a repeat take over a claim whose lease ran out; the late first request cannot overwrite it', async () => {
    const key = randomUUID();
    const open = gate();
    const before = effects.calls;
    const stuck = post('/orders', { item: 'beans' }, { key });
    await waitFor(() => effects.calls === before + 1, 'the first request to reach its handler');
    await new Promise((r) => setTimeout(r, LEASE_MS + 200));
    effects.gate = null;
    const takeover = await post('/orders', { item: 'beans' }, { key });
    expect(takeover.status).toBe(201);
    expect(takeover.body.n).toBe(before + 2);
    open();
    expect((await stuck).body.n).toBe(before + 1);
    const replay = await post('/orders', { item: 'beans' }, { key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(takeover.body);
  });

  it('takes over a claim left behind by a crashed process', async () => {
    const key = randomUUID();
    await db.query(
      `INSERT INTO http_idempotency_keys (account_id, method, path, key, request_hash, claim_id, locked_until)
       VALUES ('acc-1', 'POST', '/orders', $1, $2, $3, now() - interval '1 second')`,
      [key, requestHash({ item: 'beans' }), randomUUID()],
    );
    const res = await post('/orders', { item: 'beans' }, { key });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('scopes keys per account and per path', async () => {
    const key = randomUUID();
    const a = await post('/orders', { item: 'beans' }, { key, account: 'acc-a' });
    const b = await post('/orders', { item: 'beans' }, { key, account: 'acc-b' });
    const otherPath = await post('/anonymous', { item: 'beans' }, { key, account: 'acc-a' });
    expect([a.status, b.status, otherPath.status]).toEqual([201, 201, 201]);
    expect([b, otherPath].map((r) => r.headers.get('idempotent-replayed'))).toEqual([null, null]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.account).toBe('acc-b');
    expect(await stored(key)).toHaveLength(3);
  });

  it('leaves routes alone without the header, without @Idempotent, and for anonymous callers', async () => {
    const before = effects.calls;
    await post('/orders', { item: 'beans' });
    await post('/orders', { item: 'beans' });
    const key = randomUUID();
    const plain = [await post('/plain', {}, { key }), await post('/plain', {}, { key })];
    expect(plain.map((r) => r.body.key)).toEqual([null, null]);
    await post('/anonymous', {}, { key, account: null });
    const anon = await post('/anonymous', {}, { key, account: null });
    expect(anon.headers.get('idempotent-replayed')).toBeNull();
    expect(effects.calls).toBe(before + 6);
    expect(await stored(key)).toHaveLength(0);
  });

  it.each([
    ['an empty key', ''],
    ['a key of 256 characters', 'k'.repeat(256)],
    ['a key with a non-ASCII character', 'clé'],
    ['a key with a tab', 'a\tb'],
  ])('refuses %s with 400 VALIDATION_FAILED and runs nothing', async (_what, key) => {
    const before = effects.calls;
    const res = await post('/orders', { item: 'beans' }, { key });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(effects.calls).toBe(before);
  });

  it('accepts a key of 255 printable characters', async () => {
    const key = '~ !'.repeat(85);
    expect((await post('/orders', { item: 'beans' }, { key })).status).toBe(201);
  });

  it('prunes keys older than the retention, but not a claim still under lease', async () => {
    const insert = (key: string, hoursAgo: number, completed: boolean, leaseLeftSec: number) =>
      db.query(
        `INSERT INTO http_idempotency_keys (account_id, method, path, key, request_hash, claim_id, locked_until, response_status, response_body, created_at)
         VALUES ('acc-prune', 'POST', '/orders', $1, 'h', $2, now() + make_interval(secs => $3), $4, $5, now() - make_interval(hours => $6))`,
        [key, randomUUID(), leaseLeftSec, completed ? 201 : null, completed ? '{}' : null, hoursAgo],
      );
    await insert('old-done', 25, true, -90_000);
    await insert('old-abandoned', 25, false, -90_000);
    await insert('old-but-running', 25, false, 30);
    await insert('recent-done', 23, true, -80_000);
    expect(await app.get(IdempotencyHousekeeping).prune()).toBe(2);
    const left = await db.query(`SELECT key FROM http_idempotency_keys WHERE account_id = 'acc-prune' ORDER BY key`);
    expect(left.map((r: { key: string }) => r.key)).toEqual(['old-but-running', 'recent-done']);
  });

  it('registers the pruning job with the scheduler', () => {
    expect(app.get(Scheduler).jobNames()).toContain(IdempotencyHousekeeping.JOB);
  });

  it('documents the header in OpenAPI', async () => {
    const doc = await http.get('/docs-json');
    const params = doc.body.paths['/orders'].post.parameters as Array<{ name: string; in: string }>;
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]));
    expect(doc.body.paths['/plain'].post.parameters ?? []).not.toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key' })]));
  });

  it('keeps the entity in step with the migration', async () => {
    const sql = await db.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
