/**
 * Waits, when needed, until a fixed window of `windowSeconds` has at least `marginSeconds` left, so a spec
 * that fills a limit does not see the counter start again halfway.
 */
export async function withinOneWindow(windowSeconds: number, marginSeconds = 15): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const leftMs = windowMs - (Date.now() % windowMs);
  if (leftMs < marginSeconds * 1000) await new Promise((wait) => setTimeout(wait, leftMs + 50));
}
