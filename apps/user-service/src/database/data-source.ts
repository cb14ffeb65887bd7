import 'reflect-metadata';
import { dataSourceOptions } from '@roastery/persistence';
import { DataSource } from 'typeorm';
import { parseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';

/** The DataSource for the TypeORM CLI (migration:generate / migration:run). */
export default new DataSource(dataSourceOptions({ url: parseConfig(process.env).DATABASE_URL, service: 'user-service', entities, migrations }));
