import type { Page } from 'playwright-core';

/**
 * What makes a page wider than the window: visible elements past its right edge that no ancestor clips
 * (a select's long value is cut off by its box, which is fine), and panes that scroll sideways. The
 * console scrolls inside its content pane, so the document's own scroll width would not show either.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (element: Element): string =>
      `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
    const isClipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (
          (overflow === 'hidden' || overflow === 'clip') &&
          parent.getBoundingClientRect().right <= window.innerWidth + 1
        )
          return true;
      }
      return false;
    };
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const overflow = getComputedStyle(element).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth + 1)
        found.push(`${name(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth})`);
      else if (box.right > window.innerWidth + 1 && !isClipped(element)) found.push(name(element));
    }
    return found;
  });
}

/**
 * Form-field labels too long for their box, which the reader sees cut short with "…", each with how much
 * of it shows. Measured as laid out, before a floating label's scaling, which its box allows for.
 */
export function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.mat-mdc-form-field .mdc-floating-label'))
      .filter((label) => label.getBoundingClientRect().width > 0)
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => `"${label.textContent?.trim()}" shows ${label.clientWidth} of ${label.scrollWidth} px`),
  );
}
