import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type PersistenceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { runMigrationsLocked } from './run-migrations';

/**
 * The service's database: created when missing and migrated at start (ARCHITECTURE.md, "Data
 * rules"), before any consumer or route can touch it.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async () => {
            await ensureDatabase(options.url);
            const ds = await new DataSource(dataSourceOptions(options)).initialize();
            await runMigrationsLocked(ds);
            return ds;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
