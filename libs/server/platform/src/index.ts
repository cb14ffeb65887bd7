export * from './broker-health';
export * from './create-service-app';
export * from './platform.module';
