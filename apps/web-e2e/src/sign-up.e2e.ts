import { baseUrl, browserTab, screenshot } from './support/browser';
import { confirmationLink, createBusinessFrom, fillSignUpForm } from './support/sign-up';

/** A new owner's first run: the form, the email in the development mailbox, its link, the dashboard. */
describe('signing up a new business', () => {
  const tab = browserTab();

  it('confirms the address through the emailed link and lands the owner in the new business', async () => {
    const owner = {
      businessName: 'Tide Pool Books',
      name: 'Rosa Marin',
      email: `rosa-${Date.now()}@tide.example`,
      password: 'quiet shelves by the sea',
    };
    await tab.page.goto(`${baseUrl()}/signup`);
    await fillSignUpForm(tab.page, owner);
    await tab.page.getByRole('button', { name: 'Create my account' }).click();

    await tab.page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await tab.page.getByRole('status').textContent()).toContain(owner.email);
    await screenshot(tab.page, 'sign-up-check-email');
    const mailbox = tab.page.getByRole('link', { name: 'Open the development mailbox' });
    expect(await mailbox.getAttribute('href')).toBe('/dev/mailbox');

    const href = await confirmationLink(tab.page, owner);
    expect(href).toMatch(/\/confirm-signup#token=/);

    await createBusinessFrom(tab.page, href);
    await tab.page.getByTestId('business-name').filter({ hasText: 'Tide Pool Books' }).waitFor();
    await screenshot(tab.page, 'sign-up-dashboard');
  });

  it('on a phone, keeps every hint under its own field, clear of the next one', async () => {
    const phone = await tab.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${baseUrl()}/signup`);
      await phone.getByLabel('Time zone').waitFor();
      // Each field's box (hint included) ends before the next field's begins: a two-line hint used to run over
      // the Country label and the button.
      const overlaps = await phone.evaluate(() => {
        const fields = Array.from(document.querySelectorAll('mat-form-field'));
        const button = document.querySelector('button[type="submit"]');
        const boxes = [...fields, ...(button ? [button] : [])].map((element) =>
          element.getBoundingClientRect(),
        );
        return boxes.slice(1).filter((box, index) => box.top < (boxes[index]?.bottom ?? 0)).length;
      });
      expect(overlaps).toBe(0);
      await screenshot(phone, 'sign-up-phone');
    } finally {
      await phone.close();
    }
  });
});
