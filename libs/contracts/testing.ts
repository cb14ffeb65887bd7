// Second entry point, `@roastery/contracts/testing`: builders and examples for tests only.
export * from './src/testing';
