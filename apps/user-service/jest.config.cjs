/** Unit tests beside the code. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'user-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
