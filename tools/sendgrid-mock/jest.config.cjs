/** The mock's own specs: it is a test tool, so it is tested too. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'sendgrid-mock',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/../jest/summary-reporter.cjs', { name: 'sendgrid-mock' }]],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
