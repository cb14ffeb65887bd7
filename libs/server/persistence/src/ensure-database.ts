import { Client } from 'pg';

/** Splits a PostgreSQL URL into the database name and a URL for the maintenance database. */
export function parseDatabaseUrl(url: string): { database: string; maintenanceUrl: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`database name must be lower-case letters, digits and _: ${database}`);
  u.pathname = '/postgres';
  return { database, maintenanceUrl: u.toString() };
}

/** Creates the database named in the URL when it does not exist yet (safe if several race). */
export async function ensureDatabase(url: string): Promise<void> {
  const { database, maintenanceUrl } = parseDatabaseUrl(url);
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } catch (e) {
        // 42P04 duplicate_database, 23505 when two CREATEs race on pg_database's unique index.
        const code = (e as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw e;
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops a database, closing other sessions first (tests and demo resets only). */
export async function dropDatabase(url: string): Promise<void> {
  const { database, maintenanceUrl } = parseDatabaseUrl(url);
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
