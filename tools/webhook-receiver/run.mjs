// Builds the receiver (src/main.ts) and runs it: `npm run webhook-receiver` with FLAVOUR, PORT, FAIL_WITH, DELAY_MS.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../bench/lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = await bundle(root, 'tools/webhook-receiver/src/main.ts', 'webhook-receiver');
const child = spawn(process.execPath, [file], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
