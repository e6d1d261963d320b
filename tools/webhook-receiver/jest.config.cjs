/** The receiver's own specs: it is a test tool, so it is tested too. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'webhook-receiver',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/../jest/summary-reporter.cjs', { name: 'webhook-receiver' }]],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
