import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the running system is made of, in start order. */
export const SERVICES = ['user-service', 'business-service', 'admin-service', 'toss-sandbox'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface StackOptions {
  /** Databases are named `<dbPrefix>_user`, `<dbPrefix>_business`, … */
  dbPrefix: string;
  /** AMQP exchange/queue namespace and Redis key prefix: one per running system. */
  namespace: string;
  ports: Record<ServiceName | 'web', number>;
  pgUrl?: string;
  redisUrl?: string;
  amqpUrl?: string;
  /** Start the web dev server too. */
  web?: boolean;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Folder for each process's log file. */
  logDir: string;
}

export interface RunningStack {
  urls: Record<ServiceName | 'web', string>;
  databaseUrls: Record<ServiceName, string>;
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '..', '..', '..');
const DB_SUFFIX: Record<ServiceName, string> = { 'user-service': 'user', 'business-service': 'business', 'admin-service': 'admin', 'toss-sandbox': 'toss_sandbox' };

/**
 * Starts every service as its own process, exactly as in production (`node` on the sources through
 * SWC), waits until each answers /health, then the web dev server. Used by `npm start` and by the
 * system tests, so both run the same thing.
 */
export async function startStack(o: StackOptions): Promise<RunningStack> {
  mkdirSync(o.logDir, { recursive: true });
  const pg = o.pgUrl ?? 'postgres://postgres@127.0.0.1:5432';
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const urls = {
    'user-service': url(o.ports['user-service']),
    'business-service': url(o.ports['business-service']),
    'admin-service': url(o.ports['admin-service']),
    'toss-sandbox': url(o.ports['toss-sandbox']),
    web: url(o.ports.web),
  };
  const databaseUrls = Object.fromEntries(SERVICES.map((s) => [s, `${pg}/${o.dbPrefix}_${DB_SUFFIX[s]}`])) as Record<ServiceName, string>;
  const common: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: process.env['NODE_ENV'] ?? 'development',
    AMQP_NAMESPACE: o.namespace,
    REDIS_PREFIX: `${o.namespace}:`,
    USER_SERVICE_URL: urls['user-service'],
    // user-service talks to the sandbox as it would to Toss; the sandbox sends webhooks back.
    TOSS_API_URL: urls['toss-sandbox'],
    TOSS_SANDBOX_WEBHOOK_URL: `${urls['user-service']}/api/webhooks/toss`,
    ...(o.redisUrl && { REDIS_URL: o.redisUrl }),
    ...(o.amqpUrl && { AMQP_URL: o.amqpUrl }),
    ...o.env,
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.reverse().map(terminate));
  };
  try {
    for (const service of SERVICES) {
      const env = { ...common, PORT: String(o.ports[service]), DATABASE_URL: databaseUrls[service] };
      children.push(launch(service, ['-r', './tools/register.cjs', `apps/${service}/src/main.ts`], env, o.logDir));
    }
    await Promise.all(SERVICES.map((s) => waitForHealth(s, `${urls[s]}/health`, children[SERVICES.indexOf(s)], o.logDir)));
    if (o.web) {
      const env = {
        ...common,
        USER_SERVICE_URL: urls['user-service'],
        BUSINESS_SERVICE_URL: urls['business-service'],
        ADMIN_SERVICE_URL: urls['admin-service'],
        TOSS_SANDBOX_URL: urls['toss-sandbox'],
      };
      const web = launch('web', [join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', String(o.ports.web), '--strictPort', '--host', '127.0.0.1'], env, o.logDir, join(ROOT, 'apps/web'));
      children.push(web);
      await waitForHealth('web', urls.web, web, o.logDir);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { urls, databaseUrls, stop };
}

function launch(name: string, args: string[], env: Record<string, string>, logDir: string, cwd = ROOT): ChildProcess {
  // A file descriptor, not a stream: the child writes its log directly, even after we exit.
  const log = openSync(join(logDir, `${name}.log`), 'a');
  return spawn(process.execPath, args, { cwd, env, stdio: ['ignore', log, log] });
}

async function waitForHealth(name: string, healthUrl: string, child: ChildProcess, logDir: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see ${join(logDir, `${name}.log`)}`);
    try {
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000}s; see ${join(logDir, `${name}.log`)}`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
