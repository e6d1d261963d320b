// Builds the receiver (src/main.ts) and runs it: `npm run webhook-receiver` with FLAVOUR, PORT, FAIL_WITH, DELAY_MS.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, '..', '..', 'tmp', 'webhook-receiver', 'main.js');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [join(here, 'src', 'main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
const child = spawn(process.execPath, [outfile], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
