import type { ReceiverFlavour } from './channel-answers';
import { WebhookReceiver } from './webhook-receiver';

/**
 * Runs a receiver as a process of its own, to point a business's endpoint at by hand:
 * `FLAVOUR=slack|teams|json` (default json), `PORT` (default: any free one), `FAIL_WITH=rate-limited|
 * server-error|archived|removed|forbidden|bad-payload`, `DELAY_MS`. Prints `listening <url>` and each
 * delivery as one JSON line; stops on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const flavour = (process.env['FLAVOUR'] ?? 'json') as ReceiverFlavour;
  const receiver = new WebhookReceiver(flavour);
  receiver.failWith = (process.env['FAIL_WITH'] as WebhookReceiver['failWith']) ?? null;
  receiver.delayMs = Number(process.env['DELAY_MS'] ?? 0);
  await receiver.start(Number(process.env['PORT'] ?? 0));
  process.stdout.write(`listening ${receiver.url}\n`);
  let shown = 0;
  const timer = setInterval(() => {
    for (; shown < receiver.received.length; shown += 1)
      process.stdout.write(`${JSON.stringify(receiver.received[shown])}\n`);
  }, 200);
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      clearInterval(timer);
      void receiver.stop().then(() => process.exit(0));
    });
}

void main();
