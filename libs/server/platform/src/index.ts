export * from './broker-health';
export * from './create-service-app';
export * from './idempotency';
export * from './messaging-housekeeping';
export * from './platform.module';
