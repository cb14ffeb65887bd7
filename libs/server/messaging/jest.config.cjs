/** @type {import('jest').Config} */
module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'messaging',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Every spec talks to the real PostgreSQL and RabbitMQ; a busy 2-core box needs more than 5 s.
  testTimeout: 30000,
};
