import { Client } from 'pg';

/** Stops the stack and drops its databases. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__STACK__?.stop();
  const urls = JSON.parse(process.env['E2E_DATABASE_URLS'] ?? '{}') as Record<string, string>;
  const client = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    for (const url of Object.values(urls)) {
      const name = new URL(url).pathname.slice(1);
      if (/^sys[a-z0-9]+_[a-z_]+$/.test(name)) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
