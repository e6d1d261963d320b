/**
 * Of overlapping requests for the same thing (a preview, a page of rows), only the newest one's answer may
 * reach the screen: a busy server can answer them out of order, and an older answer shown last would sit on
 * the screen as if it matched the latest edit or filter.
 */
export class NewestOnly {
  private asked = 0;

  /**
   * Runs `request` and hands its answer to `show`, or its failure to `fail`, unless a newer request was
   * started meanwhile; then both are dropped. Resolves to whether this request was still the newest.
   */
  async run<T>(
    request: () => Promise<T>,
    show: (answer: T) => void,
    fail: (error: unknown) => void,
  ): Promise<boolean> {
    const asked = ++this.asked;
    try {
      const answer = await request();
      if (asked !== this.asked) return false;
      show(answer);
    } catch (error) {
      if (asked !== this.asked) return false;
      fail(error);
    }
    return true;
  }
}
