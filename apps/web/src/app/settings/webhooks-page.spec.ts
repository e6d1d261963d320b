import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { EndpointDeliveryResponse, WebhookEndpointResponse } from '@rapport/domain';
import { WebhooksPage } from './webhooks-page';

const ENDPOINT: WebhookEndpointResponse = {
  id: 'e-1',
  format: 'json',
  url: 'https://crm.example.com/hooks',
  description: 'Our CRM',
  events: ['case.opened'],
  pausedAt: '2026-12-07T10:00:00Z',
  pausedReason: '3 deliveries in a row failed (last: answered 500)',
  failedInARow: 3,
  createdAt: '2026-12-01T10:00:00Z',
};

const FAILED: EndpointDeliveryResponse = {
  id: 'd-1',
  eventId: 'v-1',
  eventType: 'case.opened',
  status: 'failed',
  attempts: 13,
  lastStatusCode: 500,
  lastError: 'answered 500',
  lastAttemptAt: '2026-12-07T09:59:00Z',
  finishedAt: '2026-12-07T09:59:00Z',
  createdAt: '2026-12-06T09:00:00Z',
};

/** Answers the request to `url` once the page has made it (after the awaits before it). */
async function answer(
  http: HttpTestingController,
  url: string,
  body: Parameters<TestRequest['flush']>[0],
): Promise<void> {
  for (let tick = 0; tick < 50; tick++) {
    const [request] = http.match(url);
    if (request) {
      request.flush(body);
      return;
    }
    await Promise.resolve();
  }
  throw new Error(`The page did not ask for ${url}`);
}

describe('WebhooksPage', () => {
  async function open() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(WebhooksPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/webhook-endpoints').flush([ENDPOINT]);
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    return {
      fixture,
      http,
      settle,
      page: fixture.componentInstance,
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('says why an endpoint is paused and offers to resume it', async () => {
    const { element } = await open();
    expect(element.textContent).toContain('Paused: 3 deliveries in a row failed (last: answered 500)');
    const buttons = [...element.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).toContain('Resume');
    expect(buttons).not.toContain('Pause');
  });

  it('refuses to add an endpoint without an event, and shows the secret of a new one once', async () => {
    const { page, http, settle, element } = await open();
    page.url.setValue('https://hooks.example.com/rapport');
    await page.create();
    expect(page.error()).toBe('Choose at least one event to send.');
    page.chosen.controls['answer_recorded']?.setValue(true);
    const creating = page.create();
    const request = http.expectOne({ method: 'POST', url: '/api/webhook-endpoints' });
    expect(request.request.body).toEqual({
      format: 'json',
      url: 'https://hooks.example.com/rapport',
      events: ['answer.recorded'],
      description: '',
    });
    request.flush({ ...ENDPOINT, id: 'e-2', pausedAt: null, secret: 'whsec_shown-once' });
    await Promise.resolve();
    http.expectOne('/api/webhook-endpoints').flush([ENDPOINT]);
    await creating;
    await settle();
    expect(element.querySelector('[data-testid="new-webhook-secret"]')?.textContent).toBe('whsec_shown-once');
  });

  it('sends a Slack channel its format, with the hint on where to find its URL', async () => {
    const { page, http } = await open();
    page.format.setValue('slack');
    expect(page.hintOf(page.format.value)).toContain('Incoming Webhooks');
    page.url.setValue('https://hooks.slack.com/services/T1/B1/x');
    page.chosen.controls['case_opened']?.setValue(true);
    void page.create();
    const request = http.expectOne({ method: 'POST', url: '/api/webhook-endpoints' });
    expect(request.request.body).toMatchObject({ format: 'slack', events: ['case.opened'] });
  });

  it('lists the deliveries of an endpoint and sends a finished one again', async () => {
    const { page, http, settle, element } = await open();
    const opening = page.openLog(ENDPOINT);
    http
      .expectOne('/api/webhook-endpoints/e-1/deliveries?limit=20')
      .flush({ items: [FAILED], nextCursor: null });
    await opening;
    await settle();
    expect(element.textContent).toContain('failed (500) · answered 500');
    const resending = page.resend(FAILED);
    await answer(http, '/api/webhook-endpoints/e-1/deliveries/d-1/resend', null);
    await answer(http, '/api/webhook-endpoints/e-1/deliveries?limit=20', { items: [], nextCursor: null });
    await answer(http, '/api/webhook-endpoints', [ENDPOINT]);
    await resending;
    expect(page.notice()).toBe('Sent again, with the same event id.');
  });

  it('edits an endpoint in the form: its events and description, keeping its address when left empty', async () => {
    const { page, http, settle, element } = await open();
    const edit = [...element.querySelectorAll('button')].find(
      (button) => button.getAttribute('aria-label') === `Edit ${ENDPOINT.url}`,
    );
    edit?.click();
    await settle();
    expect(element.textContent).toContain(`Change the endpoint ${ENDPOINT.url}`);
    expect(element.textContent).toContain(`Leave empty to keep ${ENDPOINT.url}`);
    expect(page.format.disabled).toBe(true);
    expect(page.chosen.controls['case_opened']?.value).toBe(true);
    page.chosen.controls['case_overdue']?.setValue(true);
    page.description.setValue('Our CRM, late cases too');
    const saving = page.submit();
    const request = http.expectOne({ method: 'PATCH', url: '/api/webhook-endpoints/e-1' });
    expect(request.request.body).toEqual({
      events: ['case.opened', 'case.overdue'],
      description: 'Our CRM, late cases too',
    });
    request.flush({ ...ENDPOINT, events: ['case.opened', 'case.overdue'] });
    await answer(http, '/api/webhook-endpoints', [ENDPOINT]);
    await saving;
    await settle();
    expect(page.editing()).toBeNull();
    expect(page.format.enabled).toBe(true);
    expect(page.notice()).toBe(`Saved the changes to ${ENDPOINT.url}.`);
    expect([...element.querySelectorAll('button')].map((button) => button.textContent?.trim())).toContain(
      'Add endpoint',
    );
  });
});
