import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CustomerDetailResponse, MeResponse, Permission, TimelineEntry } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { CustomerDetailPage } from './customer-detail-page';

const TIMELINE: TimelineEntry[] = [
  { kind: 'interaction-event', at: '2026-12-05T10:00:00Z', interactionId: 'q1', event: 'quote_accepted' },
  {
    kind: 'interaction-event',
    at: '2026-12-04T10:00:00Z',
    interactionId: 'a1',
    event: 'appointment_completed',
  },
  {
    kind: 'email',
    at: '2026-12-03T10:00:00Z',
    messageKind: 'quote-follow-up',
    status: 'sent',
    subject: null,
    reason: null,
  },
  {
    kind: 'interaction',
    at: '2026-12-02T10:00:00Z',
    interactionId: 'a1',
    type: 'appointment',
    status: 'completed',
    subject: '',
  },
  {
    kind: 'interaction',
    at: '2026-12-01T12:00:00Z',
    interactionId: 'q1',
    type: 'quote',
    status: 'accepted',
    subject: 'Kitchen refit',
  },
  {
    kind: 'interaction',
    at: '2026-12-01T09:00:00Z',
    interactionId: 'e1',
    type: 'enquiry',
    status: 'answered',
    subject: 'Kitchen refit',
  },
];

function customer(becameCustomerAt: string | null): CustomerDetailResponse {
  return {
    id: 'c1',
    email: 'ana@example.com',
    name: 'Ana Lopez',
    phone: null,
    tags: [],
    locale: null,
    timeZone: null,
    subscriptionState: 'subscribed',
    consentBasis: 'transactional',
    orderCount: 0,
    lastOrderAt: null,
    becameCustomerAt,
    createdAt: '2026-12-01T09:00:00Z',
    timeline: TIMELINE,
  } as unknown as CustomerDetailResponse;
}

describe('CustomerDetailPage', () => {
  async function open(detail: CustomerDetailResponse, permissions: Permission[]) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(SessionStore).replace({ permissions, user: {}, memberships: [] } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CustomerDetailPage);
    fixture.componentRef.setInput('customerId', 'c1');
    fixture.detectChanges();
    http.expectOne('/api/customers/c1').flush(detail);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  it("says each step of the person's enquiries, quotes and appointments in words", async () => {
    const { element } = await open(customer(null), []);
    const lines = [...element.querySelectorAll('[aria-label="Timeline"] li > span')].map((line) =>
      line.textContent?.trim(),
    );
    expect(lines).toEqual([
      'Quote accepted: Kitchen refit',
      'Appointment completed',
      'Quote follow-up: sent',
      'Appointment booked',
      'Quote sent: Kitchen refit',
      'Enquiry received: Kitchen refit',
    ]);
    const enquiry = [...element.querySelectorAll('[aria-label="Timeline"] a')].find(
      (link) => link.textContent?.trim() === 'Enquiry received: Kitchen refit',
    );
    expect(enquiry?.getAttribute('href')).toBe('/enquiries/e1');
  });

  it('marks a prospect, and gives a customer the day they became one', async () => {
    const prospect = await open(customer(null), []);
    const since = (element: HTMLElement) =>
      [...element.querySelectorAll('dt')]
        .find((term) => term.textContent?.trim() === 'Customer since')
        ?.nextElementSibling?.textContent?.replace(/\s+/g, ' ')
        .trim();
    expect(since(prospect.element)).toBe('Prospect no order or completed job yet');
    TestBed.resetTestingModule();
    const known = await open(customer('2026-12-04T10:00:00Z'), []);
    expect(since(known.element)).toBe('Dec 4, 2026');
  });

  it('lists their enquiries, quotes and appointments to members who may read them', async () => {
    const { fixture, http, element } = await open(customer(null), ['interactions:read']);
    const request = http.expectOne((candidate) => candidate.url === '/api/interactions');
    expect(request.request.params.get('customerId')).toBe('c1');
    request.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('rp-customer-interactions h2')?.textContent).toBe(
      'Enquiries, quotes and appointments',
    );
  });

  it('leaves the section out for members who may not', async () => {
    const { http, element } = await open(customer(null), []);
    http.expectNone((candidate) => candidate.url === '/api/interactions');
    expect(element.querySelector('rp-customer-interactions')).toBeNull();
  });

  it("opens another person's page when a link on this one leads there, with their own section", async () => {
    const { fixture, http, element } = await open(customer(null), ['interactions:read']);
    http
      .expectOne((candidate) => candidate.url === '/api/interactions')
      .flush({ items: [], nextCursor: null });
    fixture.componentRef.setInput('customerId', 'c2');
    fixture.detectChanges();
    http
      .expectOne('/api/customers/c2')
      .flush({ ...customer('2026-12-04T10:00:00Z'), id: 'c2', name: 'Ben Other', timeline: [] });
    await fixture.whenStable();
    fixture.detectChanges();
    const reloaded = http.expectOne((candidate) => candidate.url === '/api/interactions');
    expect(reloaded.request.params.get('customerId')).toBe('c2');
    reloaded.flush({ items: [], nextCursor: null });
    expect(element.querySelector('h1')?.textContent).toContain('Ben Other');
  });
});
