/** Unit tests beside the code (pure rules; no database). */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'toss-sandbox',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
