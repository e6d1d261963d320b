import { baseUrl, DEMO_OWNER, screenshot, signIn, browserTab } from './support/browser';
import { sidewaysOverflow } from './support/layout';

describe('templates', () => {
  const tab = browserTab({ viewport: { width: 1400, height: 900 } });

  it('edits a template with a live preview, shows problems with their line, saves and goes back to the built-in text', async () => {
    await signIn(tab.page);

    await tab.page.getByRole('link', { name: 'Templates' }).click();
    await tab.page.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
    await screenshot(tab.page, 'templates');
    await tab.page.getByRole('link', { name: /^Thank you in English: / }).click();
    await tab.page.waitForURL(/\/templates\/thank-you\/en$/);

    const frame = tab.page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText('Hi Alex,').waitFor();
    await tab.page.getByText('Subject: Thank you for your order from Northwind Bakery').waitFor();

    await tab.page.getByRole('radio', { name: 'MJML (advanced)' }).click();
    const subject = tab.page.getByLabel('Subject', { exact: true });
    await subject.fill('Thanks {{ customer.frist_name }}');
    await tab.page.getByText('Subject, line 1, column 11: unknown variable customer.frist_name').waitFor();

    await subject.fill('Fresh from the oven, {{ customer.first_name }}!');
    await tab.page.getByText('Subject: Fresh from the oven, Alex!').waitFor();
    await tab.page.getByRole('button', { name: 'Save' }).click();
    await tab.page.getByText('Saved as version 1.').waitFor();

    await tab.page.getByRole('radio', { name: 'Phone' }).click();
    await screenshot(tab.page, 'template-editor-phone');

    await tab.page.getByRole('button', { name: 'Send a test to me' }).click();
    await tab.page.getByText(`Test sent to ${DEMO_OWNER.email}.`).waitFor();

    await tab.page.getByRole('link', { name: 'All templates' }).click();
    await tab.page
      .getByRole('link', { name: /^Thank you in English: / })
      .getByText('Your text · v1')
      .waitFor();

    await tab.page.getByRole('link', { name: /^Thank you in English: / }).click();
    await tab.page.getByRole('button', { name: 'Go back to the built-in text' }).click();
    await tab.page.getByText('Back to the built-in text.').waitFor();
    await tab.page.getByText('Subject: Thank you for your order from Northwind Bakery').waitFor();
  });

  it('edits the blocks in visual mode: typed markup stays words, a variable comes from the list, bad logo and colour are named', async () => {
    await tab.page.goto(`${baseUrl()}/templates/manual/en`);
    const frame = tab.page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText('Hi Alex,').waitFor();
    await expect(tab.page.getByLabel('Greeting').inputValue()).resolves.toBe(
      'Hi ⟦customer.first_name|there⟧,',
    );

    const paragraph = tab.page.getByRole('textbox', { name: 'Paragraph 1' });
    await paragraph.fill('<b>Fresh</b> bread {{ customer.name }} {% raw %} for ');
    await paragraph.press('End');
    // Chosen by keyboard: the picker sits at the top of the form, under the sticky toolbar once scrolled.
    await tab.page.getByLabel('Insert a variable at the cursor').focus();
    await tab.page.keyboard.press('Enter');
    await tab.page.getByRole('option', { name: /⟦customer\.first_name⟧/ }).click();
    await expect(paragraph.inputValue()).resolves.toBe(
      '<b>Fresh</b> bread {{ customer.name }} {% raw %} for ⟦customer.first_name⟧',
    );
    await frame.getByText('<b>Fresh</b> bread {{ customer.name }} {% raw %} for Alex').waitFor();

    await tab.page.getByLabel('Logo address (https://)').fill('http://cdn.example/logo.png');
    await tab.page.getByText('Logo address: must be an https:// address').waitFor();
    await expect(tab.page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await tab.page.getByLabel('Logo address (https://)').fill('');
    await tab.page.getByLabel('Brand colour', { exact: true }).fill('crimson');
    await tab.page.getByText('Brand colour: must be a colour as #rrggbb').waitFor();
    await tab.page.getByLabel('Brand colour', { exact: true }).fill('#aa3300');
    await tab.page.getByRole('radio', { name: 'A button' }).click();
    await tab.page.getByLabel('Button words').fill('Order again');
    await tab.page.getByLabel('Button link (https://)').fill('https://northwind.example/shop');
    await frame.getByRole('link', { name: 'Order again' }).waitFor();
    await screenshot(tab.page, 'template-visual');

    await tab.page.getByRole('button', { name: 'Save' }).click();
    await tab.page.getByText('Saved as version 1.').waitFor();

    // The advanced mode shows the same stored MJML; a hand edit beyond the blocks keeps it there.
    await tab.page.getByRole('radio', { name: 'MJML (advanced)' }).click();
    const body = tab.page.getByLabel('Body (MJML)');
    const source = await body.inputValue();
    expect(source).toContain('&lt;b&gt;Fresh&lt;/b&gt; bread &#123;&#123; customer.name &#125;&#125;');
    expect(source).toContain('background-color="#aa3300"');
    await body.fill(source.replace('<mj-text>Hi', '<mj-divider />\n        <mj-text>Hi'));
    await tab.page.getByRole('radio', { name: 'Visual' }).click();
    await tab.page
      .getByText(/^The visual editor is not available: this template was changed in MJML \(from line 17\)/)
      .waitFor();
    await expect(tab.page.getByLabel('Body (MJML)').inputValue()).resolves.toContain('<mj-divider />');

    await tab.page.getByRole('button', { name: 'Go back to the built-in text' }).click();
    await tab.page.getByText('Back to the built-in text.').waitFor();
    await tab.page.getByLabel('Greeting').waitFor();
  });

  it('fits the visual editor on a 390 px phone without sideways scrolling', async () => {
    const phone = await tab.browser.newPage({ viewport: { width: 390, height: 844 } });
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
