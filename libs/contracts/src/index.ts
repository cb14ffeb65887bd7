export * from './envelope';
export * from './events';
export * from './http/admin-application';
export * from './http/auth';
export * from './http/errors';
export * from './http/pagination';
export * from './http/partner-application';
export * from './rules/business-registration-number';
