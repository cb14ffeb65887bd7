export * from './api-exception';
export * from './create-http-app';
export * from './error-filter';
export * from './health.controller';
export * from './http-platform.module';
export * from './metrics';
export * from './public.decorator';
export * from './zod-validation';
