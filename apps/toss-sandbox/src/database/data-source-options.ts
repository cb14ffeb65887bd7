import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/** TypeORM options of the sandbox: migrations only, never `synchronize`. */
export function sandboxDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
    applicationName: 'toss-sandbox',
  };
}
