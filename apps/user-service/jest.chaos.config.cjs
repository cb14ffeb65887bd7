/** Tests that stop the shared broker: serial, and run after every other suite (npm test's last step). */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'user-service:chaos',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.chaos-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
