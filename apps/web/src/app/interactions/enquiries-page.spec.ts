import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InteractionResponse, Page } from '@rapport/domain';
import { EnquiriesPage } from './enquiries-page';

const ENQUIRY: InteractionResponse = {
  id: 'i1',
  type: 'enquiry',
  source: 'form',
  externalId: 'form-1',
  status: 'open',
  contact: { id: 'c1', email: 'ana@example.com', name: 'Ana Lopez' },
  subject: 'Kitchen refit',
  message: 'Could you quote for a new kitchen?',
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

describe('EnquiriesPage', () => {
  async function render(page: Page<InteractionResponse>) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EnquiriesPage);
    fixture.detectChanges();
    const request = http.expectOne((candidate) => candidate.url === '/api/interactions');
    request.flush(page);
    await fixture.whenStable();
    fixture.detectChanges();
    return {
      fixture,
      http,
      query: request.request.params.toString(),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('opens on the open enquiries, which the API orders by the time their answer is due', async () => {
    const { query } = await render({ items: [], nextCursor: null });
    expect(query).toBe('type=enquiry&status=open');
  });

  it('shows who asked, what about, when, by when and the status, marking a late one', async () => {
    const answered = {
      ...ENQUIRY,
      id: 'i2',
      status: 'answered' as const,
      subject: '',
      dueAt: null,
      isOverdue: false,
    };
    const { element } = await render({ items: [ENQUIRY, answered], nextCursor: null });
    const rows = [...element.querySelectorAll('tr.mat-mdc-row')];
    const cells = (row: Element) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [Element, Element];
    expect(cells(first)).toEqual([
      'Ana Lopez',
      'Kitchen refit',
      expect.stringMatching(/^Dec 1, 2026/),
      expect.stringMatching(/^Dec 1, 2026, .* Overdue$/),
      'Waiting for an answer',
    ]);
    expect(first.classList).toContain('data-table__flagged');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/enquiries/i1');
    expect(cells(second)).toEqual([
      'Ana Lopez',
      'Could you quote for a new kitchen?',
      expect.any(String),
      '—',
      'Answered',
    ]);
    expect(second.classList).not.toContain('data-table__flagged');
    // On a phone each row is a card whose cells carry their column's name.
    expect(first.querySelector('td')?.getAttribute('data-label')).toBe('From');
  });

  it('asks again with the status and words chosen', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const { fixture, http } = await render({ items: [], nextCursor: null });
      fixture.componentInstance.filters.setValue({ search: ' kitchen ', status: '' });
      jest.advanceTimersByTime(300);
      const request = http.expectOne((candidate) => candidate.url === '/api/interactions');
      expect(request.request.params.toString()).toBe('type=enquiry&search=kitchen');
    } finally {
      jest.useRealTimers();
    }
  });
});
