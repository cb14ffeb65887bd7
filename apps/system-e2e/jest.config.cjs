/**
 * Black-box flows across the running system: every service started as its own process by the same
 * launcher `npm start` uses, driven over HTTP (and a browser). Serial: one stack for the run.
 */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'system-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.system-spec.ts', '<rootDir>/src/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};
