import type { Page } from 'playwright-core';
import { baseUrl } from './browser';
import { reopenUntilVisible } from './until';

/** Who signs up, and for which business, in a journey. */
export interface NewOwner {
  businessName: string;
  name: string;
  email: string;
  password: string;
}

/** Fills the sign-up form as a person would (name, email, password; time zone and country as proposed). */
export async function fillSignUpForm(page: Page, owner: NewOwner): Promise<void> {
  await page.getByLabel('Business name').fill(owner.businessName);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
}

/** Opens the newest email of the development mailbox whose subject matches, reloading until it has come. */
export async function openMail(page: Page, subject: RegExp): Promise<void> {
  await page.goto(`${baseUrl()}/dev/mailbox`);
  const option = page.getByRole('option', { name: subject }).first();
  await reopenUntilVisible(page, option);
  await option.click();
}

/** The "Create <business>" link of the email that confirms a sign-up, read in the development mailbox. */
export async function confirmationLink(page: Page, owner: NewOwner): Promise<string> {
  await openMail(page, new RegExp(`Confirm your email.*${owner.email}`));
  const href = await page
    .frameLocator('iframe[title="Email content"]')
    .getByRole('link', { name: `Create ${owner.businessName}` })
    .getAttribute('href');
  return href ?? '';
}

/**
 * Follows a confirmation link and creates the business; waits for its dashboard. The link names the app's
 * public address: the journey stays on the address it started on.
 */
export async function createBusinessFrom(page: Page, link: string): Promise<void> {
  const url = new URL(link);
  await page.goto(`${baseUrl()}${url.pathname}${url.hash}`);
  await page.getByRole('button', { name: 'Create my business' }).click();
  await page.waitForURL(/\/dashboard$/);
}

/** The whole sign-up: the form, the emailed link, the new business's dashboard. */
export async function signUp(page: Page, owner: NewOwner): Promise<void> {
  await page.goto(`${baseUrl()}/signup`);
  await fillSignUpForm(page, owner);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await createBusinessFrom(page, await confirmationLink(page, owner));
}
