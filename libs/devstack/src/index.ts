export * from './seed';
export * from './stack';
