import type { EmailTemplateResponse, TemplatePreviewResponse } from '@rapport/domain';
import { screenshot, browserTab, DEMO_OWNER } from './support/browser';

/** Widths of a small phone, common phones, and the desktop clients' reading panes. */
const WIDTHS = [320, 375, 414, 600, 800];

describe('the opinion request email', () => {
  const tab = browserTab({ signedInAs: DEMO_OWNER });
  let preview: TemplatePreviewResponse;

  beforeAll(async () => {
    preview = await tab.page.evaluate(async () => {
      const xsrf = /XSRF-TOKEN=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const template = (await (
        await fetch('/api/templates/opinion-request/en')
      ).json()) as EmailTemplateResponse;
      const response = await fetch('/api/templates/opinion-request/en/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(xsrf) },
        body: JSON.stringify({ subject: template.subject, body: template.body }),
      });
      return (await response.json()) as TemplatePreviewResponse;
    });
  });

  it.each(WIDTHS)(
    'keeps the 0 to 10 scale on one row at %i px, its labels at the two ends',
    async (width) => {
      const email = await tab.browser.newPage({ viewport: { width, height: 900 } });
      await email.setContent(preview.html);
      const scores = email.getByRole('link', { name: /^\d+$/ });
      expect(await scores.count()).toBe(11);
      const boxes = await scores.evaluateAll((links) =>
        links.map((link) => link.getBoundingClientRect().toJSON()),
      );
      const tops = new Set(boxes.map((box: DOMRect) => Math.round(box.top)));
      expect({ width, rows: tops.size }).toEqual({ width, rows: 1 });
      const low = await email.getByText('Not at all likely').boundingBox();
      const high = await email.getByText('Extremely likely').boundingBox();
      const first = boxes[0] as DOMRect;
      const last = boxes[10] as DOMRect;
      expect(Math.abs((low?.x ?? -1) - first.left)).toBeLessThan(8);
      expect(Math.abs((high?.x ?? 0) + (high?.width ?? 0) - last.right)).toBeLessThan(8);
      expect(await email.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 320 || width === 600) await screenshot(email, `opinion-email-${width}`);
      await email.close();
    },
  );

  it('gives each score its own line and link in the plain-text part', async () => {
    const text = preview.text;
    const lines = text.split('\n').filter((line) => /^\d+ \(http/.test(line));
    expect(lines.map((line) => line.split(' ')[0])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });
});
