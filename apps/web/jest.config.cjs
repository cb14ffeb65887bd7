const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
  // Replaces the preset's reflect-metadata (no decorators here) with the jsdom gap fillers.
  setupFiles: ['<rootDir>/src/test/setup-jsdom.ts'],
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/src/test/style-stub.cjs',
    // Vite resolves this alias in the browser build; jest needs the same mapping.
    '^@roastery/contracts$': path.join(__dirname, '../../libs/contracts/src/index.ts'),
  },
};
