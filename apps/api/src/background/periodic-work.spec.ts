import { PeriodicWork } from './periodic-work';

describe('PeriodicWork', () => {
  it('skips a tick while the previous one runs, and runs again once it is done', async () => {
    const work = new PeriodicWork({ error: () => undefined }, 'failed');
    let finish = (): void => undefined;
    let runs = 0;
    const slow = () =>
      new Promise<void>((resolve) => {
        runs += 1;
        finish = resolve;
      });
    const first = work.run(slow);
    await work.run(slow);
    expect(runs).toBe(1);
    finish();
    await first;
    void work.run(slow);
    expect(runs).toBe(2);
    finish();
  });

  it('logs a failure with its error and keeps running later ticks', async () => {
    const logged: unknown[][] = [];
    const work = new PeriodicWork({ error: (...line: unknown[]) => logged.push(line) }, 'Sending failed');
    const error = new Error('database gone');
    await work.run(async () => {
      throw error;
    });
    expect(logged).toEqual([[{ err: error }, 'Sending failed']]);
    let ran = false;
    await work.run(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
