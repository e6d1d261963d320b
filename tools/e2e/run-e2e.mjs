// Runs the browser journeys of apps/web-e2e when Chromium is installed, and says clearly when it is not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.log(`\nBrowser journeys SKIPPED: no Chromium at ${chromium}.`);
  console.log('Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to run them.\n');
  process.exit(0);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

mkdirSync(resolve(root, 'tmp'), { recursive: true });
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
run('npx', ['jest', '--config', 'apps/web-e2e/jest.config.cjs', ...process.argv.slice(2)]);
