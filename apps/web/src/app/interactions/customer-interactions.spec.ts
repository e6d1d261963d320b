import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CustomerResponse, InteractionResponse } from '@rapport/domain';
import { CustomerInteractionsComponent } from './customer-interactions';

const BASE: InteractionResponse = {
  id: 'i1',
  type: 'enquiry',
  source: 'form',
  externalId: 'x1',
  status: 'open',
  contact: { id: 'c1', email: 'ana@example.com', name: 'Ana Lopez' },
  subject: 'Kitchen refit',
  message: 'Could you quote?',
  amount: null,
  currency: null,
  validUntil: null,
  startsAt: null,
  occurredAt: '2026-12-01T09:00:00Z',
  dueAt: '2026-12-01T17:00:00Z',
  isOverdue: true,
  answeredAt: null,
  answers: [],
};
const QUOTE: InteractionResponse = {
  ...BASE,
  id: 'i2',
  type: 'quote',
  source: 'api',
  status: 'sent',
  amount: '1850.00',
  currency: 'EUR',
  validUntil: '2026-12-31T23:59:59Z',
  dueAt: null,
  isOverdue: false,
};
const VISIT: InteractionResponse = {
  ...BASE,
  id: 'i3',
  type: 'appointment',
  status: 'completed',
  subject: 'Measuring',
  startsAt: '2026-12-09T10:00:00Z',
  dueAt: null,
  isOverdue: false,
};

describe('CustomerInteractionsComponent', () => {
  async function render(canWrite: boolean) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CustomerInteractionsComponent);
    fixture.componentRef.setInput('customer', {
      id: 'c1',
      email: 'ana@example.com',
      name: 'Ana Lopez',
    } as CustomerResponse);
    fixture.componentRef.setInput('canWrite', canWrite);
    let changes = 0;
    fixture.componentInstance.changed.subscribe(() => changes++);
    fixture.detectChanges();
    const request = http.expectOne((candidate) => candidate.url === '/api/interactions');
    expect(request.request.params.toString()).toBe('customerId=c1');
    request.flush({ items: [BASE, QUOTE, VISIT], nextCursor: null });
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const rows = () =>
      [...element.querySelectorAll('tr.mat-mdc-row')].map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
      );
    return { fixture, http, element, rows, changes: () => changes };
  }

  it("lists the person's enquiries, quotes and appointments with the steps each may take next", async () => {
    const { rows, element } = await render(true);
    expect(rows()).toEqual([
      [
        'Enquiry: Kitchen refit',
        expect.stringMatching(/^received Dec 1, 2026/),
        'Waiting for an answer',
        'Mark answered Close',
      ],
      [
        'Quote: Kitchen refit',
        '1,850.00 EUR · valid until Dec 31, 2026',
        'Sent',
        'Accepted Declined Expired',
      ],
      ['Appointment: Measuring', expect.stringMatching(/^Dec 9, 2026/), 'Completed', ''],
    ]);
    expect(element.querySelector('tr.mat-mdc-row a')?.getAttribute('href')).toBe('/enquiries/i1');
  });

  it('moves a quote on and tells the page, so its timeline shows the step', async () => {
    const { fixture, http, rows, element, changes } = await render(true);
    const accept = [...element.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Accepted',
    );
    expect(accept?.getAttribute('aria-label')).toBe('Accepted: Quote: Kitchen refit');
    accept?.click();
    const request = http.expectOne('/api/interactions/i2/status');
    expect(request.request.body).toEqual({ status: 'accepted' });
    request.flush({ ...QUOTE, status: 'accepted' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(rows()[1]?.slice(2)).toEqual(['Accepted', '']);
    expect(changes()).toBe(1);
  });

  it('says why the API refused a step', async () => {
    const { fixture, http, element } = await render(true);
    [...element.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Close')?.click();
    http.expectOne('/api/interactions/i1/status').flush(
      {
        message: 'Some fields are not valid',
        details: [{ field: 'status', reason: 'is not allowed from closed' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'That step is not allowed from closed',
    );
  });

  it('offers no steps and no form to a member who may only read', async () => {
    const { element, rows } = await render(false);
    expect(element.querySelectorAll('button')).toHaveLength(0);
    expect(rows()[0]?.[3]).toBe('');
  });

  it('opens the form to add one, then lists it', async () => {
    const { fixture, http, element, changes } = await render(true);
    (element.querySelector('section > button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(element.querySelector('rp-new-interaction-form')).not.toBeNull();
    const adding = fixture.componentInstance.added();
    fixture.detectChanges();
    http
      .expectOne((candidate) => candidate.url === '/api/interactions')
      .flush({ items: [], nextCursor: null });
    await adding;
    fixture.detectChanges();
    expect(element.querySelector('rp-new-interaction-form')).toBeNull();
    expect(changes()).toBe(1);
  });
});
