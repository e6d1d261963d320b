import { rm } from 'node:fs/promises';

/** Stops the app with SIGINT, like Ctrl-C, and checks that it shut its database down and exited cleanly. */
export default async function globalTeardown(): Promise<void> {
  const app = globalThis.__rapportE2eApp;
  if (!app) return;
  const exited = new Promise<number | null>((resolveExit) =>
    app.child.once('exit', (code) => resolveExit(code)),
  );
  app.child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  // A clean stop lets a running dispatch or report batch finish and the database write its checkpoint,
  // which takes longer on a busy machine; the app prints how long each step took.
  const timedOut = new Promise<'timeout'>((wait) => (timer = setTimeout(() => wait('timeout'), 60_000)));
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  await rm(app.dataDir, { recursive: true, force: true });
  if (code !== 0) {
    app.child.kill('SIGKILL');
    throw new Error(`The app did not stop cleanly on SIGINT (exit: ${code}):\n${app.output().slice(-4000)}`);
  }
}
