export * from './advisory-key';
export * from './leader-election';
export * from './migration-lock';
export * from './scheduler';
export * from './scheduler-logger';
export * from './scheduler.module';
