import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { baseUrl } from './browser';

/** An email the development mailbox caught. */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
}

/** Calls the API as the signed-in person of `context`, with the CSRF header the console sends. */
export async function api(context: BrowserContext) {
  const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const request: APIRequestContext = context.request;
  return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, data?: unknown) => {
    const response = await request.fetch(`${baseUrl()}${path}`, {
      method,
      data,
      headers: { 'x-xsrf-token': xsrf },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
}

/** The emails the development mailbox caught for `to`, newest first. */
export async function mailsTo(context: BrowserContext, to: string): Promise<CaughtMail[]> {
  const call = await api(context);
  return (await call('GET', `/api/dev/mailbox?to=${encodeURIComponent(to)}`)) as CaughtMail[];
}

/** The newest email to `to` whose subject matches, waiting for the dispatcher (it runs every 5 s). */
export async function waitForMail(context: BrowserContext, to: string, subject: RegExp): Promise<CaughtMail> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const found = (await mailsTo(context, to)).find((mail) => subject.test(mail.subject));
    if (found) return found;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`No email to ${to} matching ${subject}`);
}
