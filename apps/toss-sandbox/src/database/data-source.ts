import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { sandboxDataSourceOptions } from './data-source-options';

/** The DataSource for the TypeORM CLI (migration:run / migration:generate). */
export default new DataSource(
  sandboxDataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/roastery_toss_sandbox'),
);
