// `npm run test:faults`: the fault-injection specs on their own, with more generated inputs for the fuzzing
// than the everyday run uses. They are also part of `npm test` (with fewer inputs).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The crash spec starts the built app and kills it.
run('npx', ['nx', 'run', 'api:build', '--outputStyle=static']);
run(
  'npx',
  [
    'jest',
    '--config',
    'apps/api/jest.config.cjs',
    'apps/api/test/faults',
    'apps/api/test/automations/crash-recovery',
    'apps/api/test/automations/database-restart',
    'apps/api/test/reports/report-crash',
    'apps/api/test/commerce/import-crash',
    'apps/api/test/webhooks',
    'apps/api/test/mail',
    'apps/api/test/integrations/webhooks',
    'apps/api/test/replies',
  ],
  { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000', OUTAGE_SECONDS: process.env.OUTAGE_SECONDS ?? '30' },
);
