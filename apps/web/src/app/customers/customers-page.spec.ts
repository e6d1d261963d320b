import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CustomerResponse, MeResponse, Page } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { CustomersPage } from './customers-page';

const EMPTY: Page<CustomerResponse> = { items: [], nextCursor: null };

describe('CustomersPage', () => {
  async function openAt(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'customers', component: CustomersPage }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(SessionStore).replace({
      permissions: [],
      user: {},
      memberships: [],
    } as unknown as MeResponse);
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl(url, CustomersPage);
    return { harness, page, http: TestBed.inject(HttpTestingController) };
  }

  /** The one list request sent since the last look, answered empty; its query string. */
  function answerList(http: HttpTestingController): string {
    const [request, ...others] = http.match((candidate) => candidate.url === '/api/customers');
    expect(others).toEqual([]);
    request?.flush(EMPTY);
    return request?.request.params.toString() ?? '';
  }

  it('asks for the order the address names, so a reload keeps it', async () => {
    const { page, http } = await openAt('/customers?sort=last-order');
    expect(answerList(http)).toBe('sort=last-order');
    expect(page.filters.controls.sort.value).toBe('last-order');
  });

  it('is newest first when the address names no order, or one the list does not know', async () => {
    const { page, http } = await openAt('/customers?sort=price');
    expect(answerList(http)).toBe('');
    expect(page.filters.controls.sort.value).toBe('newest');
  });

  it('puts the chosen order in the address and asks for it', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const { page, http } = await openAt('/customers');
      answerList(http);
      page.filters.controls.sort.setValue('name');
      jest.advanceTimersByTime(300);
      await Promise.resolve();
      expect(answerList(http)).toBe('sort=name');
      await jest.runOnlyPendingTimersAsync();
      expect(TestBed.inject(Router).url).toBe('/customers?sort=name');
      page.filters.controls.sort.setValue('newest');
      await jest.runOnlyPendingTimersAsync();
      expect(TestBed.inject(Router).url).toBe('/customers');
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks for prospects or customers only when the kind is chosen', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const { page, http } = await openAt('/customers');
      answerList(http);
      page.filters.controls.kind.setValue('prospect');
      jest.advanceTimersByTime(300);
      expect(answerList(http)).toBe('kind=prospect');
      page.filters.controls.kind.setValue('');
      jest.advanceTimersByTime(300);
      expect(answerList(http)).toBe('');
    } finally {
      jest.useRealTimers();
    }
  });

  it('marks the people who have not ordered or had a job completed yet as prospects', async () => {
    const { harness, http } = await openAt('/customers');
    const person = {
      email: 'ana@example.com',
      tags: [],
      orderCount: 0,
      lastOrderAt: null,
      subscriptionState: 'subscribed',
    };
    const [request] = http.match((candidate) => candidate.url === '/api/customers');
    request?.flush({
      items: [
        { ...person, id: 'c1', name: 'Ana', becameCustomerAt: null },
        { ...person, id: 'c2', name: 'Ben', becameCustomerAt: '2026-11-02T10:00:00Z', orderCount: 1 },
      ],
      nextCursor: null,
    });
    await harness.fixture.whenStable();
    harness.detectChanges();
    const rows = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('tr.mat-mdc-row')];
    expect(rows.map((row) => row.querySelector('td a')?.textContent?.trim())).toEqual(['Ana', 'Ben']);
    expect(rows.map((row) => row.querySelector('.prospect')?.textContent?.trim() ?? null)).toEqual([
      'Prospect',
      null,
    ]);
  });
});
