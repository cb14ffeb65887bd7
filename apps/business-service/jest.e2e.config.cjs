/** In-process integration tests: the service over HTTP and RabbitMQ on real PostgreSQL and Redis. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'business-service:e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
