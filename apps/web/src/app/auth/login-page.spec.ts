import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginPage, safeReturnPath } from './login-page';

describe('LoginPage', () => {
  function setup() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`No ${selector}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    return { fixture, element, type, http: TestBed.inject(HttpTestingController) };
  }

  it('does not call the API while the form is invalid', () => {
    const { fixture, element, http } = setup();
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    http.expectNone('/api/auth/login');
    expect(fixture.componentInstance.form.controls.email.touched).toBe(true);
  });

  it('shows the reason when the credentials are refused', async () => {
    const { fixture, element, type, http } = setup();
    type('input[type=email]', 'owner@northwind.example');
    type('input[type=password]', 'wrong');
    const submitting = fixture.componentInstance.signIn();
    http
      .expectOne('/api/auth/login')
      .flush({ message: 'Email or password is incorrect' }, { status: 401, statusText: 'Unauthorized' });
    await submitting;
    fixture.detectChanges();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Email or password is incorrect');
  });

  it('goes to the page the user came from after signing in', async () => {
    const { fixture, type, http } = setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnTo', '/customers');
    type('input[type=email]', 'owner@northwind.example');
    type('input[type=password]', 'right');
    const submitting = fixture.componentInstance.signIn();
    http.expectOne('/api/auth/login').flush({ user: { name: 'Olivia' }, permissions: [] });
    await submitting;
    expect(navigate).toHaveBeenCalledWith('/customers');
  });
});

describe('safeReturnPath', () => {
  it.each([
    [undefined, '/dashboard'],
    ['/customers?page=2', '/customers?page=2'],
    ['https://evil.example', '/dashboard'],
    ['//evil.example', '/dashboard'],
    ['/login', '/dashboard'],
  ])('turns %p into %p', (given, expected) => {
    expect(safeReturnPath(given)).toBe(expected);
  });
});
