import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from './session-store';
import { SignupPage } from './signup-page';

describe('SignupPage', () => {
  function setup() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(SignupPage);
    fixture.detectChanges();
    fixture.componentInstance.form.setValue({
      businessName: 'Harbour Coffee',
      name: 'Maya Lopez',
      email: 'maya@harbour.example',
      password: 'qwerty123456',
      timeZone: 'Europe/Madrid',
      country: 'ES',
    });
    return { fixture, http: TestBed.inject(HttpTestingController) };
  }

  it('puts the reason the API gives for a field under that field', async () => {
    const { fixture, http } = setup();
    const submitting = fixture.componentInstance.signUp();
    http
      .expectOne('/api/auth/signup')
      .flush(
        { message: 'Invalid request', details: [{ field: 'password', reason: 'is too common' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await submitting;
    expect(fixture.componentInstance.form.controls.password.getError('server')).toBe(
      'The password is too common',
    );
    expect(fixture.componentInstance.submission.error()).toBeNull();
  });

  it('says where the email went, signs no one in, and links the development mailbox when there is one', async () => {
    const { fixture, http } = setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const submitting = fixture.componentInstance.signUp();
    http.expectOne('/api/auth/signup').flush(
      {
        message: 'We sent an email to maya@harbour.example. Open the link in it to create your business.',
        devMailboxPath: '/dev/mailbox',
      },
      { status: 202, statusText: 'Accepted' },
    );
    await submitting;
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[role="status"]')?.textContent).toContain('maya@harbour.example');
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('a[href="/dev/mailbox"]')?.textContent).toContain('development mailbox');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows no mailbox link where a provider sends the email', async () => {
    const { fixture, http } = setup();
    const submitting = fixture.componentInstance.signUp();
    http
      .expectOne('/api/auth/signup')
      .flush({ message: 'We sent an email.', devMailboxPath: null }, { status: 202, statusText: 'Accepted' });
    await submitting;
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('a[href="/dev/mailbox"]')).toBeNull();
  });
});
