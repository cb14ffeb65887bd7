import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface PersistenceOptions {
  url: string;
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * TypeORM options every service uses: PostgreSQL, schema only through migrations (never
 * synchronize), timestamps in UTC, and the service name visible in pg_stat_activity.
 */
export function dataSourceOptions(o: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    applicationName: o.service,
    extra: { max: o.poolSize ?? 10, options: '-c timezone=UTC' },
    // TypeORM's logger prints failed queries with their parameters to the console, outside our
    // redaction: personal data would reach the logs. Errors still reach the caller, which logs them.
    logging: false,
  };
}
