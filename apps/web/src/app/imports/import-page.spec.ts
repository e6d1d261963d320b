import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportResponse } from '@rapport/domain';
import { ImportPage } from './import-page';

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

describe('ImportPage', () => {
  async function open() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(ImportPage);
    fixture.componentRef.setInput('importId', 'imp-1');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/imports/imp-1').flush(UPLOADED);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, http, page: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
  }

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
});
