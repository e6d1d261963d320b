import { screenshot, signIn, browserTab } from './support/browser';

describe('automations', () => {
  const tab = browserTab({ viewport: { width: 1280, height: 800 } });

  it('shows the default rules in plain words and turns one off and on again', async () => {
    await signIn(tab.page);

    await tab.page.getByRole('link', { name: 'Automations' }).click();
    await tab.page.getByText('1 day after an order is placed, send "Thank you"').waitFor();
    await tab.page
      .getByText(
        '7 days after an order is delivered (or 10 days after it is placed when delivery is unknown), send "How did we do?"',
      )
      .waitFor();
    await screenshot(tab.page, 'automations');

    const toggle = tab.page.getByRole('switch', { name: 'Turn off Thank you', exact: true });
    await toggle.click();
    await tab.page.getByRole('switch', { name: 'Turn on Thank you', exact: true }).waitFor();
    await tab.page.reload();
    const off = tab.page.getByRole('switch', { name: 'Turn on Thank you', exact: true });
    await off.waitFor();
    await off.click();
    await tab.page.getByRole('switch', { name: 'Turn off Thank you', exact: true }).waitFor();

    const thankYou = tab.page.locator('article', { hasText: 'after an order is placed' });
    await thankYou.getByRole('button', { name: 'Edit' }).click();
    const form = tab.page.getByRole('form', { name: 'Edit Thank you' });
    await form.getByLabel('Wait').fill('2');
    await form.getByLabel('Unit').click();
    await tab.page.getByRole('option', { name: 'hours' }).click();
    await form.getByLabel('Total from').fill('12,5');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('"Total from" must be an amount like 25 or 25.50').waitFor();
    await form.getByLabel('Total from').fill('');
    await form.getByLabel('Orders', { exact: true }).click();
    await tab.page.getByRole('option', { name: 'Repeat orders' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await tab.page
      .getByText('2 hours after an order is placed, for repeat orders, send "Thank you"')
      .waitFor();

    await thankYou.getByRole('button', { name: 'Next 7 days' }).click();
    await tab.page.getByRole('region', { name: 'Next 7 days of Thank you' }).waitFor();
    await screenshot(tab.page, 'automation-edit');

    await thankYou.getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel('Wait').fill('1');
    await form.getByLabel('Orders', { exact: true }).click();
    await tab.page.getByRole('option', { name: 'Any order' }).click();
    await form.getByLabel('Unit').click();
    await tab.page.getByRole('option', { name: 'days' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await tab.page.getByText('1 day after an order is placed, send "Thank you"').waitFor();

    await tab.page.getByRole('link', { name: 'Messages', exact: true }).click();
    await tab.page.waitForURL(/\/automations\/messages$/);
    await tab.page.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    await tab.page
      .getByRole('region', { name: 'Delivery health' })
      .getByText('Delivery, last 30 days')
      .waitFor();
    await tab.page.getByLabel('Rule', { exact: true }).click();
    await tab.page.getByRole('option', { name: 'How did we do?' }).click();
    await tab.page.getByLabel('Rule', { exact: true }).getByText('How did we do?').first().waitFor();
    await screenshot(tab.page, 'messages');
  });

  it('creates a rule of its own, and deletes it', async () => {
    await tab.page.getByRole('link', { name: 'Automations', exact: true }).first().click();
    await tab.page.waitForURL(/\/automations$/);
    await tab.page.getByRole('button', { name: 'New rule' }).click();
    const form = tab.page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill('Opinion after shipping');
    await form.getByLabel('Sends').click();
    await tab.page.getByRole('option', { name: 'An opinion request' }).click();
    await form.getByLabel('Wait').fill('3');
    await form.getByLabel('After').click();
    await tab.page.getByRole('option', { name: 'an order is fulfilled' }).click();
    await form.getByRole('button', { name: 'Create rule' }).click();
    await tab.page.getByText('3 days after an order is fulfilled, send "How did we do?"').waitFor();
    await screenshot(tab.page, 'automation-new-rule');
    await tab.page.getByRole('button', { name: 'Delete Opinion after shipping' }).click();
    await tab.page.getByRole('button', { name: 'Delete rule' }).click();
    await tab.page
      .getByText('3 days after an order is fulfilled, send "How did we do?"')
      .waitFor({ state: 'detached' });
  });
});
