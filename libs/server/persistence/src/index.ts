export * from './data-source-options';
export * from './ensure-database';
export * from './persistence.module';
export * from './run-migrations';
export * from './uuid';
export * from './redis.module';
