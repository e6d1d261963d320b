import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InteractionResponse, MeResponse, Permission } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { EnquiryDetailPage } from './enquiry-detail-page';

const ENQUIRY: InteractionResponse = {
  id: 'i1',
  type: 'enquiry',
  source: 'form',
  externalId: 'form-1',
  status: 'open',
  contact: { id: 'c1', email: 'ana@example.com', name: 'Ana Lopez' },
  subject: 'Kitchen refit',
  message: 'Could you quote for a new kitchen?\nIt is 3 m wide.',
  amount: null,
  currency: null,
  validUntil: null,
  startsAt: null,
  occurredAt: '2026-12-01T09:00:00Z',
  dueAt: '2099-12-01T17:00:00Z',
  isOverdue: false,
  answeredAt: null,
  answers: [],
};

describe('EnquiryDetailPage', () => {
  async function open(enquiry: InteractionResponse, permissions: Permission[] = ['interactions:write']) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(SessionStore).replace({ permissions, user: {}, memberships: [] } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EnquiryDetailPage);
    fixture.componentRef.setInput('enquiryId', enquiry.id);
    fixture.detectChanges();
    http.expectOne(`/api/interactions/${enquiry.id}`).flush(enquiry);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const buttons = () => [...element.querySelectorAll('button')].map((item) => item.textContent?.trim());
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((item) => item.textContent?.trim() === text);
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, http, element, buttons, button, settle };
  }

  it('shows who asked, linking their page, and what they asked', async () => {
    const { element } = await open(ENQUIRY);
    expect(element.querySelector('h1')?.textContent).toContain('Kitchen refit');
    const person = element.querySelector('[aria-labelledby="person-title"]') as HTMLElement;
    expect(person.textContent).toContain('Ana Lopez · ana@example.com');
    expect(person.querySelector('a')?.getAttribute('href')).toBe('/customers/c1');
    expect(element.querySelector('.message')?.textContent).toBe(ENQUIRY.message);
    expect(element.textContent).toContain('No answer yet.');
  });

  it('emails the answer typed and shows it among the answers sent', async () => {
    const { fixture, http, element, button, settle } = await open(ENQUIRY);
    fixture.componentInstance.answer.setValue('  Yes: we come to measure on Monday.  ');
    button('send Send answer')?.click();
    const request = http.expectOne('/api/interactions/i1/answers');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ text: 'Yes: we come to measure on Monday.' });
    request.flush({
      ...ENQUIRY,
      status: 'answered',
      answeredAt: '2026-12-01T10:00:00Z',
      answers: [{ at: '2026-12-01T10:00:00Z', text: 'Yes: we come to measure on Monday.', status: 'sent' }],
    });
    await settle();
    expect(fixture.componentInstance.answer.value).toBe('');
    const answers = element.querySelector('[aria-labelledby="answers-title"] .timeline') as HTMLElement;
    expect(answers.textContent).toContain('Yes: we come to measure on Monday.');
    expect(element.querySelector('.page-header__subtitle')?.textContent).toBe('Answered');
  });

  it('sends nothing while the answer is blank', async () => {
    const { fixture, http, element, button, settle } = await open(ENQUIRY);
    fixture.componentInstance.answer.setValue('   ');
    button('send Send answer')?.click();
    await settle();
    http.expectNone('/api/interactions/i1/answers');
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('Write the answer first');
  });

  it("puts the API's reason under the answer", async () => {
    const { fixture, http, element, button, settle } = await open(ENQUIRY);
    fixture.componentInstance.answer.setValue('Hello');
    button('send Send answer')?.click();
    http
      .expectOne('/api/interactions/i1/answers')
      .flush(
        { message: 'Some fields are not valid', details: [{ field: 'text', reason: 'is too short' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('The answer is too short');
  });

  it('offers the next steps of an open enquiry and closes it', async () => {
    const { http, buttons, button, settle } = await open(ENQUIRY);
    expect(buttons()).toEqual(['Mark answered', 'Close', 'send Send answer']);
    button('Close')?.click();
    const request = http.expectOne('/api/interactions/i1/status');
    expect(request.request.body).toEqual({ status: 'closed' });
    request.flush({ ...ENQUIRY, status: 'closed' });
    await settle();
    // A closed enquiry has no next step and takes no more answers.
    expect(buttons()).toEqual([]);
  });

  it('says why a step was refused', async () => {
    const { http, element, button, settle } = await open(ENQUIRY);
    button('Close')?.click();
    http.expectOne('/api/interactions/i1/status').flush(
      {
        message: 'An enquiry that is closed cannot move',
        details: [{ field: 'status', reason: 'is not allowed' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'An enquiry that is closed cannot move',
    );
  });

  it('shows the enquiry without answer box or buttons to a member who may only read', async () => {
    const { element, buttons } = await open(ENQUIRY, ['interactions:read']);
    expect(buttons()).toEqual([]);
    expect(element.querySelector('textarea')).toBeNull();
  });

  it('says so when the enquiry does not exist', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(EnquiryDetailPage);
    fixture.componentRef.setInput('enquiryId', 'gone');
    fixture.detectChanges();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/interactions/gone')
      .flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('This enquiry does not exist.');
  });
});
