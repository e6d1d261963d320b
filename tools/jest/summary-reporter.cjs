// Writes one project's test counts to tmp/test-results/<name>.json, so `npm test` can print one total
// line for all projects (including results Nx restores from its cache, since the file is a target output).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(_globalConfig, options) {
    this.name = options.name;
  }

  onRunComplete(_contexts, results) {
    const folder = join(__dirname, '../../tmp/test-results');
    mkdirSync(folder, { recursive: true });
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(folder, `${this.name}.json`), JSON.stringify(counts));
  }
}

module.exports = SummaryReporter;
