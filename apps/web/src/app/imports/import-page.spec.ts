import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportProblemResponse, ImportResponse } from '@rapport/domain';
import { ImportPage, PROBLEMS_SHOWN } from './import-page';

const UPLOADED: ImportResponse = {
  id: 'imp-1',
  kind: 'customers',
  fileName: 'customers.csv',
  fileBytes: 120,
  status: 'uploaded',
  isDryRun: false,
  delimiter: ';',
  encoding: 'utf-8',
  dateOrder: 'dmy',
  decimalMark: ',',
  columns: [
    { header: 'Mail', type: 'email' },
    { header: 'Who', type: 'text' },
  ],
  previewRows: [['ana@example.com', 'Ana']],
  preset: null,
  mapping: { Who: 'name' },
  rowsTotal: null,
  rowsProcessed: 0,
  rowsImported: 0,
  rowsFailed: 0,
  failure: null,
  createdAt: '2026-11-26T10:00:00Z',
  startedAt: null,
  finishedAt: null,
};

const FINISHED: ImportResponse = {
  ...UPLOADED,
  status: 'completed',
  rowsTotal: 3,
  rowsProcessed: 3,
  rowsImported: 1,
  rowsFailed: 2,
  startedAt: '2026-11-26T10:00:01Z',
  finishedAt: '2026-11-26T10:00:02Z',
};

function problem(line: number): ImportProblemResponse {
  return {
    line,
    column: 'Mail',
    value: `row-${line}`,
    reason: `Mail: "row-${line}" is not an email address`,
  };
}

describe('ImportPage', () => {
  async function open(job: ImportResponse = UPLOADED) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(ImportPage);
    fixture.componentRef.setInput('importId', 'imp-1');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/imports/imp-1').flush(job);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, http, page: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
  }

  it('offers a file of appointments its own fields, named as a booking tool names them', async () => {
    const { page, element } = await open({
      ...UPLOADED,
      kind: 'appointments',
      preset: 'calendly-events',
      columns: [
        { header: 'Invitee Email', type: 'email' },
        { header: 'Start Date & Time', type: 'date' },
      ],
      previewRows: [['ana@example.com', '2026-12-01 10:00 am']],
      mapping: { 'Invitee Email': 'email' },
    });
    expect(element.textContent).toContain('Appointments');
    expect(element.textContent).toContain('Calendly scheduled events export');
    expect(page.mappingIssue()).toBe('Map a column to Starts at');
    expect(page.fields()).toContain('isNoShow');
    expect(page.fields()).not.toContain('total');
    expect(page.labelOf('appointments', 'externalId')).toBe('Booking ID');
    page.mapColumn('Start Date & Time', 'startsAt');
    expect(page.mappingIssue()).toBeNull();
  });

  it('starts on the kind of file the link names', () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(ImportPage);
    fixture.componentRef.setInput('kind', 'quotes');
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/imports').flush([]);
    expect(fixture.componentInstance.chosenKind()).toBe('quotes');
    expect(fixture.componentInstance.kindHint()).toContain('One quote per row');
  });

  it('shows the columns with their detected types and refuses to start until the email is mapped', async () => {
    const { page, element } = await open();
    expect([...element.querySelectorAll('.import__header')].map((cell) => cell.textContent)).toEqual([
      'Mail',
      'Who',
    ]);
    expect(element.querySelector('.import__type')?.textContent).toBe('email');
    expect(page.mappingIssue()).toBe('Map a column to Email');
    page.mapColumn('Mail', 'email');
    expect(page.mappingIssue()).toBeNull();
    page.mapColumn('Who', '');
    expect(page.mapping()).toEqual({ Mail: 'email' });
  });

  it('starts a dry run with the chosen mapping and follows the progress until it ends', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const { page, http, fixture } = await open();
      page.mapColumn('Mail', 'email');
      const starting = page.start(true);
      const request = http.expectOne('/api/imports/imp-1/start');
      expect(request.request.body).toEqual({ mapping: { Who: 'name', Mail: 'email' }, dryRun: true });
      request.flush({ ...UPLOADED, status: 'queued', isDryRun: true });
      await starting;
      expect(page.isWorking()).toBe(true);
      jest.advanceTimersByTime(1000);
      http
        .expectOne('/api/imports/imp-1')
        .flush({ ...UPLOADED, status: 'completed', isDryRun: true, rowsTotal: 1, rowsImported: 1 });
      await fixture.whenStable();
      fixture.detectChanges();
      expect(page.isWorking()).toBe(false);
      expect((fixture.nativeElement as HTMLElement).textContent).toContain(
        'Check finished: nothing was changed',
      );
    } finally {
      jest.useRealTimers();
    }
  });

  function rowsOf(element: HTMLElement): string[][] {
    return [...element.querySelectorAll('table[aria-label="Refused rows"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
    );
  }

  it('lists the refused rows of a finished import: line, column, value and reason', async () => {
    const { http, fixture, element } = await open(FINISHED);
    const request = http.expectOne((candidate) => candidate.url === '/api/imports/imp-1/problems');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('cursor')).toBe(false);
    request.flush({
      items: [
        {
          line: 3,
          column: 'Mail',
          value: 'not-an-email',
          reason: 'Mail: "not-an-email" is not an email address',
        },
        {
          line: 4,
          column: 'Who',
          value: 'Ana\\u0000',
          reason: 'Who: "Ana\\u0000" contains a NUL character (\\u0000)',
        },
      ],
      nextCursor: null,
    });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(rowsOf(element)).toEqual([
      ['3', 'Mail', 'not-an-email', 'Mail: "not-an-email" is not an email address'],
      ['4', 'Who', 'Ana\\u0000', 'Who: "Ana\\u0000" contains a NUL character (\\u0000)'],
    ]);
    expect(element.textContent).toContain('2 of 2 shown');
    expect(element.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/imports/imp-1/problems.csv',
    );
    expect(
      [...element.querySelectorAll('button')].some((button) => button.textContent?.includes('Show more')),
    ).toBe(false);
    http.verify();
  });

  it('shows more refused rows a page at a time, up to a cap, and points to the download for the rest', async () => {
    const { page, http, fixture, element } = await open({ ...FINISHED, rowsFailed: 10_000 });
    let line = 1;
    for (let shown = 0; shown < PROBLEMS_SHOWN; shown += 50) {
      const request = http.expectOne((candidate) => candidate.url === '/api/imports/imp-1/problems');
      expect(request.request.params.get('cursor')).toBe(shown === 0 ? null : String(line - 1));
      request.flush({
        items: Array.from({ length: 50 }, () => problem(line++)),
        nextCursor: String(line - 1),
      });
      await fixture.whenStable();
      fixture.detectChanges();
      if (shown + 50 < PROBLEMS_SHOWN) {
        const more = [...element.querySelectorAll('button')].find((button) =>
          button.textContent?.includes('Show more'),
        );
        expect(more).toBeDefined();
        more?.click();
      }
    }
    expect(page.problems()).toHaveLength(PROBLEMS_SHOWN);
    expect(page.canShowMoreProblems()).toBe(false);
    expect(rowsOf(element)[PROBLEMS_SHOWN - 1]?.[0]).toBe(String(PROBLEMS_SHOWN));
    expect(element.textContent).toContain('500 of 10,000 shown');
    http.verify();
  });

  it('says how the file was read: its encoding, its dates and its decimal mark', async () => {
    const { element } = await open({ ...UPLOADED, encoding: 'windows-1252', dateOrder: null });
    expect(element.textContent).toContain(
      'Windows-1252 · dates like 03/04/2026 refused as unclear · decimal mark ","',
    );
  });
});
