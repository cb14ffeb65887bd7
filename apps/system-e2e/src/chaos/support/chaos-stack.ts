import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { SharedClock } from '@roastery/clock';
import { dropDatabase } from '@roastery/persistence';
import { type BusProbe, createBusProbe, HttpClient, TEST_AMQP_URL, TEST_PG_URL, TEST_REDIS_URL, TestIssuer } from '@roastery/testing';
import { Redis } from 'ioredis';
import { Pool } from 'pg';

const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

/** One service running as its own process (node on the sources, as `npm start` runs it). */
export class ServiceProcess {
  #child: ChildProcess | null = null;
  readonly http: HttpClient;

  constructor(
    readonly name: string,
    readonly entry: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logDir: string,
  ) {
    this.http = new HttpClient(this.url);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get running(): boolean {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Starts the process and waits until /health answers 200. */
  async start(timeoutMs = 90_000): Promise<void> {
    const log = openSync(join(this.logDir, `${this.name}.log`), 'a');
    const child = spawn(process.execPath, ['-r', './tools/register.cjs', this.entry], { cwd: ROOT, env: { ...(process.env as Record<string, string>), ...this.env, PORT: String(this.port) }, stdio: ['ignore', log, log] });
    this.#child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with code ${child.exitCode}; see ${join(this.logDir, `${this.name}.log`)}`);
      try {
        if ((await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} did not become healthy within ${timeoutMs / 1000}s; see ${join(this.logDir, `${this.name}.log`)}`);
  }

  /** SIGKILL: no shutdown hooks, open transactions die with the connection, in-flight calls are abandoned. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  /** SIGTERM (SIGKILL after 10 s). */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    await new Promise<void>((done) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });
  }
}

export interface ChaosStackOptions {
  /** Extra environment of both user-service instances. */
  userEnv?: Record<string, string>;
}

/**
 * The billing chaos stack: two user-service processes on one database and one namespace, a
 * business-service process, and the toss-sandbox, all on the shared clock of a fresh namespace.
 * business-service verifies tokens against a TestIssuer (partners are made directly, not through
 * onboarding); the test reads every database directly to reconcile.
 */
export class ChaosStack {
  readonly run = `chaos${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  readonly namespace = this.run;
  readonly logDir = resolve(ROOT, 'apps', 'system-e2e', 'test-results', 'logs', this.run);
  readonly dbUrls = {
    user: `${TEST_PG_URL}/${this.run}_user`,
    business: `${TEST_PG_URL}/${this.run}_business`,
    sandbox: `${TEST_PG_URL}/${this.run}_toss_sandbox`,
  };
  issuer!: TestIssuer;
  sandbox!: ServiceProcess;
  business!: ServiceProcess;
  /** The user-service instances, [a, b]. */
  users: ServiceProcess[] = [];
  userDb!: Pool;
  businessDb!: Pool;
  sandboxDb!: Pool;
  bus!: BusProbe;
  clock!: SharedClock;
  /** The stack's own Redis (see start), or the shared one when redis-server is not installed. */
  redisUrl = TEST_REDIS_URL;
  #redis!: Redis;
  #redisServers: ChildProcess[] = [];
  #userEnv: Record<string, string> = {};

  constructor(private readonly o: ChaosStackOptions = {}) {}

  async start(): Promise<void> {
    mkdirSync(this.logDir, { recursive: true });
    this.redisUrl = (await this.startRedisServer()) ?? TEST_REDIS_URL;
    this.issuer = await TestIssuer.start();
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'info',
      AMQP_URL: TEST_AMQP_URL,
      REDIS_URL: this.redisUrl,
      AMQP_NAMESPACE: this.namespace,
      REDIS_PREFIX: `${this.namespace}:`,
      CLOCK_MODE: 'shared',
      MESSAGE_RETRY_BASE_MS: '200',
      // PostgreSQL is shared with everything else on the machine: a burst of "too many clients"
      // must be retried, not dead-lettered (a dead-lettered batch would leave its boxes waiting).
      MESSAGE_MAX_ATTEMPTS: '10',
      AMQP_QUEUE_EXPIRES_MS: '600000',
    };
    const [sandboxPort, businessPort, userA, userB] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    this.sandbox = new ServiceProcess('toss-sandbox', 'apps/toss-sandbox/src/main.ts', sandboxPort, { ...common, DATABASE_URL: this.dbUrls.sandbox, TOSS_SANDBOX_WEBHOOK_POLL_MS: '100' }, this.logDir);
    this.business = new ServiceProcess('business-service', 'apps/business-service/src/main.ts', businessPort, { ...common, DATABASE_URL: this.dbUrls.business, USER_SERVICE_URL: this.issuer.url }, this.logDir);
    const userEnv = { ...common, DATABASE_URL: this.dbUrls.user, TOSS_API_URL: this.sandbox.url, ...this.o.userEnv };
    this.#userEnv = userEnv;
    this.users = [new ServiceProcess('user-service-a', 'apps/user-service/src/main.ts', userA, userEnv, this.logDir), new ServiceProcess('user-service-b', 'apps/user-service/src/main.ts', userB, userEnv, this.logDir)];
    // The bus probe declares the namespace's exchange, so it may come first and see everything.
    this.bus = await createBusProbe({ amqpUrl: TEST_AMQP_URL, namespace: this.namespace });
    // Both instances at once: creating the database and migrating are safe to race (migration lock).
    await Promise.all([this.sandbox.start(), this.business.start(), ...this.users.map((u) => u.start())]);
    this.userDb = new Pool({ connectionString: this.dbUrls.user, max: 2 });
    this.businessDb = new Pool({ connectionString: this.dbUrls.business, max: 2 });
    this.sandboxDb = new Pool({ connectionString: this.dbUrls.sandbox, max: 2 });
    // Exactly as the services build theirs: the key through the client's prefix, so the test's
    // moves are announced on the channel the services listen to.
    this.#redis = new Redis(this.redisUrl, { keyPrefix: `${this.namespace}:` });
    this.clock = new SharedClock(this.#redis, { prefix: '', pollMs: 500 });
    await this.clock.start();
  }

  /**
   * Runs a throw-away redis-server for this stack. The shared clock announces its moves on the
   * channel `clock:changed`, which a client's key prefix does not namespace (pub/sub channels are
   * not keys), so on a shared Redis every service would also follow the clock moves of every other
   * test run on the machine, and raise its own namespace's clock to theirs.
   */
  private async startRedisServer(): Promise<string | null> {
    const port = await freePort();
    const log = openSync(join(this.logDir, 'redis.log'), 'a');
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', log, log] });
    const spawned = await new Promise<boolean>((done) => {
      child.once('spawn', () => done(true));
      child.once('error', () => done(false));
    });
    if (!spawned) return null;
    this.#redisServers.push(child);
    const url = `redis://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        await probe.ping();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`redis-server did not start: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        probe.disconnect();
      }
    }
    return url;
  }

  /**
   * One more user-service instance on the same database and namespace whose shared clock is its
   * own (a Redis of its own, never moved): it runs on wall time, weeks behind the others, like an
   * instance whose clock lags or has not caught up yet. Stop it with stop().
   */
  async startLaggingUserInstance(name: string): Promise<ServiceProcess> {
    const redisUrl = await this.startRedisServer();
    if (!redisUrl) throw new Error('a lagging instance needs redis-server');
    const instance = new ServiceProcess(name, 'apps/user-service/src/main.ts', await freePort(), { ...this.#userEnv, REDIS_URL: redisUrl }, this.logDir);
    this.users.push(instance);
    await instance.start();
    return instance;
  }

  /** A fresh probe on the namespace (the old one dies with its connection when the broker stops). */
  async reconnectBus(): Promise<void> {
    await this.bus.close().catch(() => undefined);
    this.bus = await createBusProbe({ amqpUrl: TEST_AMQP_URL, namespace: this.namespace });
  }

  /** Moves every process's clock forward by `ms`. */
  async advance(ms: number): Promise<Date> {
    return this.clock.advanceTo(new Date(this.clock.now().getTime() + ms));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.users, this.business, this.sandbox].filter(Boolean).map((p) => p.stop()));
    await this.bus?.close().catch(() => undefined);
    await this.clock?.stop();
    await this.#redis?.del('clock').catch(() => undefined);
    this.#redis?.disconnect();
    for (const child of this.#redisServers) await stopChild(child);
    await Promise.all([this.userDb, this.businessDb, this.sandboxDb].filter(Boolean).map((p) => p.end()));
    await this.issuer?.close();
    // CHAOS_KEEP_DATA=1 keeps the databases to look at after a failure.
    if (!process.env['CHAOS_KEEP_DATA']) for (const url of Object.values(this.dbUrls)) await dropDatabase(url).catch(() => undefined);
  }
}

/** SIGTERM, then SIGKILL after 5 s. */
async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
