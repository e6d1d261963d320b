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
    expect(fixture.componentInstance.error()).toBeNull();
  });

  it('signs the new owner in and opens the dashboard', async () => {
    const { fixture, http } = setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const submitting = fixture.componentInstance.signUp();
    http
      .expectOne('/api/auth/signup')
      .flush({ user: { name: 'Maya' }, business: { name: 'Harbour Coffee' }, permissions: [] });
    await submitting;
    expect(TestBed.inject(SessionStore).businessName()).toBe('Harbour Coffee');
    expect(navigate).toHaveBeenCalledWith('/dashboard');
  });
});
