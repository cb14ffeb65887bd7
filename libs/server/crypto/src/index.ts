export * from './crypto-errors';
export * from './crypto.module';
export * from './keyring';
export * from './mask';
