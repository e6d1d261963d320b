// `npm test`: formatting, type-check, lint and unit/integration tests of every project (through Nx), then the
// browser journeys, then one closing line with the totals of all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'tmp/test-results');
rmSync(resultsDir, { recursive: true, force: true });

function run(command, args) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

let status = run('npx', ['prettier', '--check', '--log-level=warn', '.']);
if (status === 0)
  status = run('npx', ['nx', 'run-many', '-t', 'typecheck', 'lint', 'test', '--outputStyle=static']);
if (status === 0) status = run('node', ['tools/e2e/run-e2e.mjs']);

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir)) {
    const counts = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  }
}
if (status !== 0 && totals.failed === 0) totals.failed = 1; // a type or lint error fails the run too
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status);
