const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
  // The web build has no decorator metadata; reflect-metadata from the preset is harmless but unneeded.
  setupFiles: [],
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/src/test/style-stub.cjs',
    // Vite resolves this alias in the browser build; jest needs the same mapping.
    '^@roastery/contracts$': path.join(__dirname, '../../libs/contracts/src/index.ts'),
  },
};
