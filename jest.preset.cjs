/** Settings every project's Jest config starts from. */
const path = require('node:path');

module.exports = {
  moduleNameMapper: {
    '^@rapport/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@rapport/ui$': path.join(__dirname, 'libs/ui/src/index.ts'),
    '^@rapport/sendgrid-mock$': path.join(__dirname, 'tools/sendgrid-mock/src/index.ts'),
    '^@rapport/webhook-receiver$': path.join(__dirname, 'tools/webhook-receiver/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json', 'html'],
  clearMocks: true,
};
