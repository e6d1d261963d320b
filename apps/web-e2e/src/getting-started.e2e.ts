import { browserTab, screenshot } from './support/browser';
import { signUp } from './support/sign-up';

/** A new business's first dashboard: a checklist computed from what it did, gone once hidden or done. */
describe('getting started', () => {
  const tab = browserTab();

  const checklist = () => tab.page.getByRole('region', { name: 'Getting started' });

  it('greets the new business as new and ticks the steps it takes', async () => {
    await signUp(tab.page, {
      businessName: 'Harbour Tea Room',
      name: 'Lena Holm',
      email: `lena-${Date.now()}@harbour.example`,
      password: 'steam over the harbour',
    });
    await tab.page.getByRole('heading', { name: 'Welcome to Rapport, Lena' }).waitFor();
    await checklist().getByText('0 of 6 done').waitFor();
    await screenshot(tab.page, 'getting-started-new');

    await checklist().getByRole('link', { name: 'Business settings' }).click();
    await tab.page.waitForURL(/\/settings\/business$/);
    await tab.page.getByRole('textbox', { name: 'Sender address' }).fill('hello@harbour.example');
    await tab.page.getByLabel('Phone').fill('+46 8 123 45 67');
    await tab.page.getByLabel('Postal address').fill('Skeppsbron 2, Stockholm');
    await tab.page.getByRole('button', { name: 'Save changes' }).click();
    await tab.page.getByText('Saved.').waitFor();

    await tab.page.getByRole('link', { name: 'Templates' }).click();
    await tab.page.getByRole('link', { name: /^Thank you in English: / }).click();
    await tab.page.getByRole('button', { name: 'Send a test to me' }).click();
    await tab.page.getByText(/^Test sent to /).waitFor();

    await tab.page.getByRole('link', { name: 'Dashboard' }).click();
    await checklist().getByText('3 of 6 done').waitFor();
    expect(await checklist().getByRole('link', { name: 'Business settings' }).count()).toBe(0);
    await checklist().getByRole('link', { name: 'Import buyers' }).waitFor();
    await screenshot(tab.page, 'getting-started-progress');
  });

  it('fits a phone and stays hidden once dismissed', async () => {
    await tab.page.setViewportSize({ width: 390, height: 844 });
    await tab.page.reload();
    await checklist().waitFor();
    const scrollWidth = await tab.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(tab.page, 'getting-started-phone');

    await checklist().getByRole('button', { name: 'Hide this list' }).click();
    // The page renders the change at its next frame, not within the click.
    await checklist().waitFor({ state: 'detached' });
    await tab.page.reload();
    await tab.page.getByRole('heading', { name: 'Welcome to Rapport, Lena' }).waitFor();
    expect(await checklist().count()).toBe(0);
  });
});
