import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ConfirmOptions } from '../dialogs/confirm-dialog';
import type { EnquiryFormResponse, MeResponse, Permission } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { EnquiryFormPage } from './enquiry-form-page';

const FORM: EnquiryFormResponse = {
  isEnabled: true,
  url: 'https://rapport.example/f/k3y',
  snippet: '<form method="post" action="https://rapport.example/f/k3y">…</form>',
};

describe('EnquiryFormPage', () => {
  async function render(permissions: Permission[], answer = true) {
    const asked: ConfirmOptions[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: Confirmation,
          useValue: { ask: async (options: ConfirmOptions) => (asked.push(options), answer) },
        },
      ],
    });
    TestBed.inject(SessionStore).replace({ permissions, user: {}, memberships: [] } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EnquiryFormPage);
    fixture.detectChanges();
    http.expectOne('/api/enquiry-form').flush(FORM);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((item) => item.textContent?.trim() === text);
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, http, element, button, asked, settle };
  }

  it('shows the page, links it and gives the snippet to copy, read-only', async () => {
    const { element } = await render(['interactions:read']);
    expect(element.querySelector('a')?.getAttribute('href')).toBe(FORM.url);
    const snippet = element.querySelector('textarea') as HTMLTextAreaElement;
    expect(snippet.value).toBe(FORM.snippet);
    expect(snippet.readOnly).toBe(true);
    expect(
      [...element.querySelectorAll('rp-copy-button button')].map((item) => item.getAttribute('aria-label')),
    ).toEqual(['Copy the address of the enquiry page', "Copy the form's HTML"]);
  });

  it('lets only a manager of the business turn it off or move it', async () => {
    const { element, button } = await render(['interactions:read']);
    expect(button('New address')).toBeUndefined();
    expect((element.querySelector('mat-slide-toggle button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('turns the form off', async () => {
    const { fixture, http, element, settle } = await render(['interactions:read', 'business:manage']);
    (element.querySelector('mat-slide-toggle button') as HTMLButtonElement).click();
    const request = http.expectOne('/api/enquiry-form');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ isEnabled: false });
    request.flush({ ...FORM, isEnabled: false });
    await settle();
    expect(fixture.componentInstance.form()?.isEnabled).toBe(false);
    expect(element.querySelector('mat-slide-toggle')?.textContent?.trim()).toBe(
      'Off: the form says it is closed',
    );
  });

  it('moves the form to a new address once told that old links stop working', async () => {
    const { http, element, button, asked, settle } = await render(['interactions:read', 'business:manage']);
    button('New address')?.click();
    await settle();
    expect(asked).toEqual([expect.objectContaining({ title: 'Move the form to a new address?' })]);
    expect(asked[0]?.message).toContain('stop working');
    const request = http.expectOne('/api/enquiry-form');
    expect(request.request.body).toEqual({ newAddress: true });
    request.flush({ ...FORM, url: 'https://rapport.example/f/n3w', snippet: '<form action="…/n3w">' });
    await settle();
    expect((element.querySelector('textarea') as HTMLTextAreaElement).value).toBe('<form action="…/n3w">');
    expect(element.querySelector('[role="status"].settings-ok')?.textContent?.trim()).toBe(
      'The form has a new address. Paste the new snippet on your website.',
    );
  });

  it('keeps the address when the person changes their mind', async () => {
    const { http, button, settle } = await render(['interactions:read', 'business:manage'], false);
    button('New address')?.click();
    await settle();
    http.expectNone('/api/enquiry-form');
  });
});
