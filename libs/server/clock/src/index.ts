export * from './clock';
export * from './clock-errors';
export * from './clock-store';
export * from './clock.module';
export * from './create-clock';
export * from './fixed-clock';
export * from './seoul-date';
export * from './shared-clock';
