import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { withMigrationLock } from './migration-lock';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

// Would fail if run twice: a plain CREATE TABLE, held open long enough for the others to collide.
function createWidgets(table: string) {
  return class CreateWidgets1700000000000 implements MigrationInterface {
    name = 'CreateWidgets1700000000000';
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
      await queryRunner.query('SELECT pg_sleep(0.3)');
      await queryRunner.query(`INSERT INTO ${table} (id) VALUES (1)`);
    }
    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  };
}

let db: TestDatabase;
let sources: DataSource[] = [];

async function instances(n: number, table: string): Promise<DataSource[]> {
  sources = await Promise.all(
    Array.from({ length: n }, () =>
      new DataSource({
        type: 'postgres',
        url: db.url,
        migrations: [createWidgets(table)],
        migrationsTableName: `${table}_migrations`,
        extra: { max: 2 },
      }).initialize(),
    ),
  );
  return sources;
}

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(sources.map((s) => s.destroy()));
  sources = [];
});

afterAll(async () => {
  await db.drop();
});

describe('withMigrationLock', () => {
  it('lets four instances starting at once migrate exactly once', async () => {
    const all = await instances(4, 'widgets');

    const results = await Promise.all(all.map((ds) => withMigrationLock(ds, () => ds.runMigrations())));

    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 0, 1]);
    const [{ count }] = await all[0]!.query('SELECT count(*)::int AS count FROM widgets');
    expect(count).toBe(1);
    const applied = await all[0]!.query('SELECT name FROM widgets_migrations');
    expect(applied).toEqual([{ name: 'CreateWidgets1700000000000' }]);
  });

  it('is needed: the same start-up without the lock fails', async () => {
    const all = await instances(4, 'gadgets');

    const results = await Promise.allSettled(all.map((ds) => ds.runMigrations()));

    expect(results.some((r) => r.status === 'rejected')).toBe(true);
  });

  it('releases the lock when the migration throws', async () => {
    const [ds] = await instances(1, 'unused');

    await expect(withMigrationLock(ds!, () => Promise.reject(new Error('bad migration')))).rejects.toThrow('bad migration');
    await expect(withMigrationLock(ds!, async () => 'second run got the lock')).resolves.toBe('second run got the lock');
    const [{ held }] = await ds!.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(held).toBe(0);
  });

  it('works with a plain pg client', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const seen = await withMigrationLock(client, async () => {
        const { rows } = await client.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
        return rows[0].held as number;
      });
      expect(seen).toBe(1);
      const { rows } = await client.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      expect(rows[0].held).toBe(0);
    } finally {
      await client.end();
    }
  });
});
