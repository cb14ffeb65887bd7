// Tests that stop and start the broker: one at a time, after the normal suite.
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'messaging-chaos',
  testMatch: ['<rootDir>/test/**/*.chaos-spec.ts'],
  maxWorkers: 1,
  testTimeout: 120000,
};
