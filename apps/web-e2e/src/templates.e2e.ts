import type { Browser, Page } from 'playwright-core';
import { baseUrl, DEMO_OWNER, launchBrowser, screenshot, signIn } from './support/browser';
import { sidewaysOverflow } from './support/layout';

describe('templates', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(() => browser.close());

  it('edits a template with a live preview, shows problems with their line, saves and goes back to the built-in text', async () => {
    await signIn(page);

    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
    await screenshot(page, 'templates');
    await page.getByRole('link', { name: /^Thank you in English: / }).click();
    await page.waitForURL(/\/templates\/thank-you\/en$/);

    const frame = page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText('Hi Alex,').waitFor();
    await page.getByText('Subject: Thank you for your order from Northwind Bakery').waitFor();

    await page.getByRole('radio', { name: 'MJML (advanced)' }).click();
    const subject = page.getByLabel('Subject', { exact: true });
    await subject.fill('Thanks {{ customer.frist_name }}');
    await page.getByText('Subject, line 1, column 11: unknown variable customer.frist_name').waitFor();

    await subject.fill('Fresh from the oven, {{ customer.first_name }}!');
    await page.getByText('Subject: Fresh from the oven, Alex!').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as version 1.').waitFor();

    await page.getByRole('radio', { name: 'Phone' }).click();
    await screenshot(page, 'template-editor-phone');

    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page.getByText(`Test sent to ${DEMO_OWNER.email}.`).waitFor();

    await page.getByRole('link', { name: 'All templates' }).click();
    await page
      .getByRole('link', { name: /^Thank you in English: / })
      .getByText('Your text · v1')
      .waitFor();

    await page.getByRole('link', { name: /^Thank you in English: / }).click();
    await page.getByRole('button', { name: 'Go back to the built-in text' }).click();
    await page.getByText('Back to the built-in text.').waitFor();
    await page.getByText('Subject: Thank you for your order from Northwind Bakery').waitFor();
  });

  it('edits the blocks in visual mode: typed markup stays words, a variable comes from the list, bad logo and colour are named', async () => {
    await page.goto(`${baseUrl()}/templates/manual/en`);
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText('Hi Alex,').waitFor();
    await expect(page.getByLabel('Greeting').inputValue()).resolves.toBe('Hi ⟦customer.first_name|there⟧,');

    const paragraph = page.getByRole('textbox', { name: 'Paragraph 1' });
    await paragraph.fill('<b>Fresh</b> bread {{ customer.name }} {% raw %} for ');
    await paragraph.press('End');
    // Chosen by keyboard: the picker sits at the top of the form, under the sticky toolbar once scrolled.
    await page.getByLabel('Insert a variable at the cursor').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /⟦customer\.first_name⟧/ }).click();
    await expect(paragraph.inputValue()).resolves.toBe(
      '<b>Fresh</b> bread {{ customer.name }} {% raw %} for ⟦customer.first_name⟧',
    );
    await frame.getByText('<b>Fresh</b> bread {{ customer.name }} {% raw %} for Alex').waitFor();

    await page.getByLabel('Logo address (https://)').fill('http://cdn.example/logo.png');
    await page.getByText('Logo address: must be an https:// address').waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Logo address (https://)').fill('');
    await page.getByLabel('Brand colour', { exact: true }).fill('crimson');
    await page.getByText('Brand colour: must be a colour as #rrggbb').waitFor();
    await page.getByLabel('Brand colour', { exact: true }).fill('#aa3300');
    await page.getByRole('radio', { name: 'A button' }).click();
    await page.getByLabel('Button words').fill('Order again');
    await page.getByLabel('Button link (https://)').fill('https://northwind.example/shop');
    await frame.getByRole('link', { name: 'Order again' }).waitFor();
    await screenshot(page, 'template-visual');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as version 1.').waitFor();

    // The advanced mode shows the same stored MJML; a hand edit beyond the blocks keeps it there.
    await page.getByRole('radio', { name: 'MJML (advanced)' }).click();
    const body = page.getByLabel('Body (MJML)');
    const source = await body.inputValue();
    expect(source).toContain('&lt;b&gt;Fresh&lt;/b&gt; bread &#123;&#123; customer.name &#125;&#125;');
    expect(source).toContain('background-color="#aa3300"');
    await body.fill(source.replace('<mj-text>Hi', '<mj-divider />\n        <mj-text>Hi'));
    await page.getByRole('radio', { name: 'Visual' }).click();
    await page
      .getByText(/^The visual editor is not available: this template was changed in MJML \(from line 17\)/)
      .waitFor();
    await expect(page.getByLabel('Body (MJML)').inputValue()).resolves.toContain('<mj-divider />');

    await page.getByRole('button', { name: 'Go back to the built-in text' }).click();
    await page.getByText('Back to the built-in text.').waitFor();
    await page.getByLabel('Greeting').waitFor();
  });

  it('fits the visual editor on a 390 px phone without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone);
    await phone.goto(`${baseUrl()}/templates/opinion-request/es`);
    await phone.getByLabel('Survey button words').waitFor();
    await expect(phone.getByLabel('Greeting').inputValue()).resolves.toBe(
      'Hola, ⟦customer.first_name|buenos días⟧:',
    );
    await phone.frameLocator('iframe[title="Email preview"]').getByText('Hola, Alex:').waitFor();
    await expect(sidewaysOverflow(phone)).resolves.toEqual([]);
    await screenshot(phone, 'template-visual-phone');
    await phone.close();
  });
});
