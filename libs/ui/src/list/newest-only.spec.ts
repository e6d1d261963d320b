import { NewestOnly } from './newest-only';

function deferred<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('NewestOnly', () => {
  it("drops an older request's answer that arrives after the newer one's", async () => {
    const newest = new NewestOnly();
    const shown: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const older = newest.run(
      () => first.promise,
      (answer) => shown.push(answer),
      fail,
    );
    const newer = newest.run(
      () => second.promise,
      (answer) => shown.push(answer),
      fail,
    );
    second.resolve('newer');
    first.resolve('older');
    await expect(newer).resolves.toBe(true);
    await expect(older).resolves.toBe(false);
    expect(shown).toEqual(['newer']);
  });

  it("drops an older request's failure but hands on the newest one's", async () => {
    const newest = new NewestOnly();
    const failures: unknown[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const older = newest.run(
      () => first.promise,
      () => undefined,
      (error) => failures.push(error),
    );
    const newer = newest.run(
      () => second.promise,
      () => undefined,
      (error) => failures.push(error),
    );
    first.reject(new Error('older failed'));
    second.reject(new Error('newer failed'));
    await Promise.all([older, newer]);
    expect(failures).toEqual([new Error('newer failed')]);
  });

  it('shows each answer when requests do not overlap', async () => {
    const newest = new NewestOnly();
    const shown: number[] = [];
    await newest.run(
      async () => 1,
      (answer) => shown.push(answer),
      fail,
    );
    await newest.run(
      async () => 2,
      (answer) => shown.push(answer),
      fail,
    );
    expect(shown).toEqual([1, 2]);
  });
});

function fail(error: unknown): never {
  throw error;
}
