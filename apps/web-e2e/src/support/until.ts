import type { Locator, Page } from 'playwright-core';

/**
 * Opens the page again (with `reopen`, or a reload) until `locator` shows: for what the planner and the
 * dispatcher do every few seconds. After each opening the page gets a few seconds to load its data before
 * the next try; the whole wait is bounded by the clock rather than by a count of tries, since each try
 * takes longer on a busy machine.
 */
export async function reopenUntilVisible(
  page: Page,
  locator: Locator,
  reopen: () => Promise<unknown> = () => page.reload(),
  seconds = 60,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await locator.waitFor({ state: 'visible', timeout: 4000 });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`Not shown within ${seconds} s: ${locator.toString()}`);
    }
    await reopen();
  }
}
