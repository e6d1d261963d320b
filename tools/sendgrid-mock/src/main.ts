import { SendGridMock } from './sendgrid-mock';

/**
 * Runs the mock as a process of its own (benchmarks): `PORT` (default: any free one), `KEEP_BODIES=false`
 * to count accepted mails without keeping them. Prints `listening <url>`; stops on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const mock = new SendGridMock({ keepBodies: process.env['KEEP_BODIES'] !== 'false' });
  const url = await mock.start(Number(process.env['PORT'] ?? 0));
  process.stdout.write(`listening ${url}\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void mock.stop().then(() => process.exit(0)));
  }
}

void main();
