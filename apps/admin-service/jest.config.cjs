/** Unit tests beside the code. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'admin-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
