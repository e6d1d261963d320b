import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEFAULT_FEEDBACK_SETTINGS, type FeedbackSettings, type MeResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { FeedbackSettingsPage } from './feedback-settings-page';

const SETTINGS: FeedbackSettings = {
  ...DEFAULT_FEEDBACK_SETTINGS,
  reminders: [4],
  journeyCap: { anyFollowUpDays: 3, opinionRequestDays: 30 },
};

describe('FeedbackSettingsPage', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(SessionStore).replace({
      role: 'owner',
      permissions: ['business:manage'],
      user: {},
      memberships: [],
    } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(FeedbackSettingsPage);
    fixture.detectChanges();
    http.expectOne('/api/feedback-settings').flush(SETTINGS);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((item) => item.textContent?.trim() === text);
    return { fixture, http, element, button };
  }

  it('shows the journey in plain words, following the form as it changes', async () => {
    const { fixture, element, button } = await render();
    const status = () => element.querySelector('p[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(status()).toBe(
      'An unanswered opinion request gets one reminder, 4 days later, unless the buyer answered by then. ' +
        'A buyer hears from you at most once every 3 days, and gets at most one opinion request every 30 days, whatever the rules.',
    );
    button('Add a reminder')?.click();
    fixture.detectChanges();
    expect(element.querySelectorAll('.reminders li')).toHaveLength(2);
    expect(status()).toContain('gets up to 2 reminders, 4 and 8 days later');
    button('Add a reminder')?.click();
    fixture.detectChanges();
    // Three is the most: the button goes away.
    expect(button('Add a reminder')).toBeUndefined();
  });

  it('saves the reminders and gaps as typed, and names a refused reminder by its number', async () => {
    const { fixture, http, element, button } = await render();
    button('Add a reminder')?.click();
    fixture.detectChanges();
    const second = element.querySelectorAll<HTMLInputElement>('.reminders input')[1];
    if (!second) throw new Error('the added reminder has no field');
    second.value = '5';
    second.dispatchEvent(new Event('input'));
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/feedback-settings');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toMatchObject({
      reminders: [4, 5],
      journeyCap: { anyFollowUpDays: 3, opinionRequestDays: 30 },
    });
    request.flush(
      {
        message: 'Some fields are not valid',
        details: [
          {
            field: 'reminders.1',
            reason:
              'must come at least 3 days after the reminder before it, the least gap between two emails',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Reminder 2 must come at least 3 days after the reminder before it, the least gap between two emails',
    );
  });

  it('removes a reminder, leaving none when asked', async () => {
    const { fixture, element, button } = await render();
    button('Remove')?.click();
    fixture.detectChanges();
    expect(element.querySelectorAll('.reminders li')).toHaveLength(0);
    expect(element.textContent).toContain('No reminders: an unanswered opinion request is not repeated.');
  });

  it('asks promoters to recommend only when the business chooses it, and saves the choice', async () => {
    const { fixture, http, element } = await render();
    const ask = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => input.value === 'ask',
    );
    expect(ask?.checked).toBe(true);
    const none = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => input.value === 'none' && input.closest('[aria-label="Requests to recommend"]'),
    );
    none?.click();
    fixture.detectChanges();
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/feedback-settings');
    expect(request.request.body).toMatchObject({ referralRequests: false });
    request.flush({ ...SETTINGS, referralRequests: false });
  });
});
