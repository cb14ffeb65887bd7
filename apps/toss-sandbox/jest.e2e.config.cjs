/** In-process tests: the sandbox booted on a random port and a throwaway PostgreSQL database, driven by @roastery/toss. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'toss-sandbox:e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  // Resolves the client from source even before `npm install` has linked the workspace package.
  moduleNameMapper: { '^@roastery/toss$': '<rootDir>/../../libs/toss/src/index.ts' },
  testTimeout: 30000,
  maxWorkers: 2,
};
