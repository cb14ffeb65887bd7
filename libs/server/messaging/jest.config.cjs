/** @type {import('jest').Config} */
module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'messaging',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Workspace packages resolved from source until they are linked into node_modules.
  moduleNameMapper: {
    '^@roastery/contracts$': '<rootDir>/../../contracts/src/index.ts',
    '^@roastery/observability$': '<rootDir>/../observability/src/index.ts',
  },
  // Each file talks to the real PostgreSQL and RabbitMQ; a slow CI box needs more than 5 s.
  testTimeout: 30000,
};
