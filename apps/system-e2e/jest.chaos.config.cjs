/**
 * Chaos across real processes (two user-service instances, business-service, toss-sandbox): kills,
 * sandbox faults, racing engines and a RabbitMQ restart. Serial, and part of npm test's last step.
 */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'system-e2e:chaos',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.chaos-spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
