import { baseUrl, screenshot, signIn, browserTab, DEMO_OWNER } from './support/browser';
import { sidewaysOverflow } from './support/layout';

describe('surveys, responses, cases and their settings in the console', () => {
  const tab = browserTab({ signedInAs: DEMO_OWNER });

  it('edits a survey with a live preview of the email and the answer page, saving a new version', async () => {
    await tab.page.getByRole('link', { name: 'Surveys' }).click();
    await tab.page.getByRole('link', { name: 'How did we do?' }).click();
    const email = tab.page.frameLocator('iframe[title="Email preview"]');
    await email.getByText('How likely are you to recommend Northwind Bakery to a friend?').waitFor();

    // Each question shows its wording in every language, built-in until the business writes its own.
    const english = tab.page.getByLabel('English', { exact: true }).first();
    const spanish = tab.page.getByLabel('Spanish', { exact: true }).first();
    await expect(english.inputValue()).resolves.toBe(
      'How likely are you to recommend Northwind Bakery to a friend?',
    );
    await expect(spanish.inputValue()).resolves.toBe(
      '¿Qué probabilidad hay de que recomiendes Northwind Bakery a un amigo?',
    );
    await expect(tab.page.getByLabel('English', { exact: true }).nth(1).inputValue()).resolves.toBe(
      'What could we do better?',
    );
    await expect(tab.page.getByLabel('Id', { exact: true }).count()).resolves.toBe(0);
    await expect(tab.page.getByText('Built-in wording', { exact: true }).count()).resolves.toBe(16);

    await spanish.fill('¿Nos recomendarías a un vecino?');
    await tab.page.getByText('Your wording ·').first().waitFor();
    await tab.page.getByLabel('Language').click();
    await tab.page.getByRole('option', { name: 'Spanish' }).click();
    await email.getByText('¿Nos recomendarías a un vecino?').waitFor();
    await tab.page.getByRole('radio', { name: 'Answer page' }).click();
    const answerPage = tab.page.frameLocator('iframe[title="Answer page preview"]');
    await answerPage.getByText('¿Nos recomendarías a un vecino?').waitFor();
    await screenshot(tab.page, 'survey-builder');

    await tab.page.getByRole('button', { name: 'Save survey' }).click();
    await tab.page.getByText(/^Saved as version \d+\./).waitFor();
    await tab.page.reload();
    await expect(tab.page.getByLabel('Spanish', { exact: true }).first().inputValue()).resolves.toBe(
      '¿Nos recomendarías a un vecino?',
    );
    await expect(tab.page.getByLabel('English', { exact: true }).first().inputValue()).resolves.toBe(
      'How likely are you to recommend Northwind Bakery to a friend?',
    );

    // Clearing the override brings the built-in wording back into the field, so the other journeys meet
    // the default survey.
    await tab.page.getByLabel('Spanish', { exact: true }).first().fill('');
    await tab.page.getByLabel('Survey name').click();
    await expect(tab.page.getByLabel('Spanish', { exact: true }).first().inputValue()).resolves.toBe(
      '¿Qué probabilidad hay de que recomiendes Northwind Bakery a un amigo?',
    );
    await expect(tab.page.getByText('Built-in wording', { exact: true }).count()).resolves.toBe(16);
    await tab.page.getByRole('button', { name: 'Save survey' }).click();
    await tab.page.getByText(/^Saved as version \d+\./).waitFor();
    await tab.page.getByLabel('Language').click();
    await tab.page.getByRole('option', { name: 'Spanish' }).click();
    await tab.page.getByRole('radio', { name: 'Email' }).click();
    await email.getByText('¿Qué probabilidad hay de que recomiendes Northwind Bakery a un amigo?').waitFor();
  });

  it('shows the survey wording on a 390 px phone without sideways scrolling', async () => {
    const phone = await tab.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone);
    await phone.goto(`${baseUrl()}/surveys`);
    await phone.getByRole('link', { name: 'How did we do?' }).click();
    await phone.getByLabel('German', { exact: true }).first().waitFor();
    await expect(sidewaysOverflow(phone)).resolves.toEqual([]);
    await screenshot(phone, 'survey-builder-phone');
    await phone.close();
  });

  it('names a survey problem next to its question', async () => {
    await tab.page.getByRole('link', { name: 'Surveys', exact: true }).first().click();
    await tab.page.getByRole('link', { name: 'New survey' }).click();
    await tab.page.getByLabel('Survey name').fill('Quick pulse');
    await tab.page.getByLabel('Kind').last().click();
    await tab.page.getByRole('option', { name: 'One choice' }).click();
    await tab.page.getByText('Choices: must list 2 to 10 choices').waitFor();
  });

  it('filters the answers and opens the cases', async () => {
    // The page's old address, still in emails sent before, leads to it.
    await tab.page.goto(`${baseUrl()}/responses`);
    await tab.page.waitForURL(/\/answers$/);
    await tab.page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await tab.page.getByRole('link', { name: 'Answers', exact: true }).click();
    await tab.page.getByRole('heading', { name: 'Answers', exact: true }).waitFor();
    await tab.page.getByLabel('Score', { exact: true }).click();
    await tab.page.getByRole('option', { name: /^Detractors/ }).click();
    await tab.page.locator('.chip--promoter').first().waitFor({ state: 'detached' });
    await tab.page.getByRole('link', { name: 'Open case' }).first().waitFor();
    await screenshot(tab.page, 'answers');
    await tab.page.getByRole('link', { name: 'Open case' }).first().click();
    await tab.page.getByRole('heading', { name: /^Case: / }).waitFor();

    await tab.page.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await tab.page.getByRole('radio', { name: 'Resolved' }).click();
    await tab.page.getByRole('cell', { name: 'Sam Rivera' }).first().waitFor();
    await tab.page.getByRole('radio', { name: 'All open' }).click();
    await tab.page.getByRole('cell', { name: 'Resolved' }).first().waitFor({ state: 'detached' });
    await screenshot(tab.page, 'cases');
  });

  it('asks for a place to review before inviting every buyer to review', async () => {
    await tab.page.getByRole('link', { name: 'Settings' }).click();
    // The business tab says whether the email provider would send from the sender address.
    await tab.page
      .getByRole('status', { name: 'Sender address status' })
      .getByText(/development mailbox/)
      .waitFor();
    await tab.page.getByRole('tab', { name: 'Answers and cases' }).click();
    await tab.page.getByText('review gating').waitFor();
    await tab.page.getByRole('radio', { name: 'Invite every buyer who answers' }).click();
    await tab.page.getByRole('button', { name: 'Save changes' }).click();
    await tab.page
      .getByText('The review places must name at least one place, to invite buyers to review')
      .waitFor();
    await tab.page.getByLabel('Google place id').fill('ChIJN1t_tDeuEmsRUsoyG83frY4');
    await tab.page.getByLabel('Facebook page').fill('https://www.facebook.com/NorthwindBakery');
    await tab.page.getByRole('button', { name: 'Save changes' }).click();
    await tab.page.getByText('Saved.').waitFor();
    // A pasted Facebook address is kept as the page's name.
    expect(await tab.page.getByLabel('Facebook page').inputValue()).toBe('NorthwindBakery');
    await screenshot(tab.page, 'answer-settings');
    await tab.page.getByRole('radio', { name: 'Invite nobody' }).click();
    await tab.page.getByRole('button', { name: 'Save changes' }).click();
    await tab.page.getByText('Saved.').waitFor();
  });
});
