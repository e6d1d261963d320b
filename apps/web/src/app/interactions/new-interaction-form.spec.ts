import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { InteractionResponse } from '@rapport/domain';
import { NewInteractionFormComponent } from './new-interaction-form';

describe('NewInteractionFormComponent', () => {
  function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(NewInteractionFormComponent);
    fixture.componentRef.setInput('customer', { email: 'ana@example.com', name: 'Ana Lopez' });
    fixture.detectChanges();
    const added: InteractionResponse[] = [];
    fixture.componentInstance.added.subscribe((item) => added.push(item));
    const http = TestBed.inject(HttpTestingController);
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, form: fixture.componentInstance, http, element, added };
  }

  it('adds an enquiry taken by phone, with a new id each time', async () => {
    const { form, http, added } = render();
    form.form.patchValue({ type: 'enquiry', subject: ' Bathroom ', message: ' How much for a small one? ' });
    const adding = form.add();
    const request = http.expectOne('/api/enquiries');
    expect(request.request.body).toEqual({
      externalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      contact: { email: 'ana@example.com', name: 'Ana Lopez' },
      subject: 'Bathroom',
      message: 'How much for a small one?',
    });
    request.flush({ id: 'i1' });
    await adding;
    expect(added).toEqual([{ id: 'i1' }]);
  });

  it('adds a quote with its amount, currency and the day it holds until', async () => {
    const { form, http } = render();
    form.form.patchValue({ type: 'quote', amount: '1850,50', currency: 'eur', validUntil: '2026-12-31' });
    void form.add();
    const request = http.expectOne('/api/quotes');
    expect(request.request.body).toEqual({
      externalId: expect.any(String),
      contact: { email: 'ana@example.com', name: 'Ana Lopez' },
      amount: '1850.50',
      currency: 'EUR',
      validUntil: new Date('2026-12-31T23:59:59').toISOString(),
    });
  });

  it('adds an appointment at the date and time typed, in the browser’s time', async () => {
    const { form, http } = render();
    form.form.patchValue({
      type: 'appointment',
      subject: 'Measuring',
      startsDate: '2026-12-09',
      startsTime: '10:30',
    });
    void form.add();
    const request = http.expectOne('/api/appointments');
    expect(request.request.body).toMatchObject({
      subject: 'Measuring',
      startsAt: new Date('2026-12-09T10:30').toISOString(),
    });
  });

  it('shows the fields each kind asks for', () => {
    const { fixture, form, element } = render();
    const labels = () => [...element.querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
    expect(labels()).toEqual(['What', 'Subject', 'What they asked']);
    form.form.controls.type.setValue('quote');
    fixture.detectChanges();
    expect(labels()).toEqual(['What', 'Subject', 'Amount', 'Currency', 'Valid until']);
    form.form.controls.type.setValue('appointment');
    fixture.detectChanges();
    expect(labels()).toEqual(['What', 'Subject', 'Date', 'Time']);
  });

  it('says what is missing instead of sending', async () => {
    const { fixture, form, http, element } = render();
    form.form.patchValue({ type: 'quote', amount: '120' });
    await form.add();
    fixture.detectChanges();
    http.expectNone('/api/quotes');
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('The currency is needed');
  });

  it("shows the API's reasons in the form's words", async () => {
    const { fixture, form, http, element } = render();
    form.form.patchValue({ type: 'quote', amount: '120', currency: 'EU' });
    const adding = form.add();
    http.expectOne('/api/quotes').flush(
      {
        message: 'Some fields are not valid',
        details: [{ field: 'currency', reason: 'must be a three-letter currency code such as EUR' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await adding;
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'The currency must be a three-letter currency code such as EUR',
    );
  });
});
