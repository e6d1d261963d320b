import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter, Router } from '@angular/router';
import { ConfirmSignupPage } from './confirm-signup-page';
import { SessionStore } from './session-store';

describe('ConfirmSignupPage', () => {
  function setup(fragment: string | null) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ActivatedRoute, useValue: { snapshot: { fragment } } },
      ],
    });
    const fixture = TestBed.createComponent(ConfirmSignupPage);
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController) };
  }

  it('creates nothing on opening: the business is made by the click, which signs the owner in', async () => {
    const { fixture, http } = setup('token=abc.def');
    http.expectNone('/api/auth/signup/confirm');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const confirming = fixture.componentInstance.confirm();
    const request = http.expectOne('/api/auth/signup/confirm');
    expect(request.request.body).toEqual({ token: 'abc.def' });
    request.flush({ user: { name: 'Maya' }, business: { name: 'Harbour Coffee' }, permissions: [] });
    await confirming;
    expect(TestBed.inject(SessionStore).businessName()).toBe('Harbour Coffee');
    expect(navigate).toHaveBeenCalledWith('/dashboard');
  });

  it("shows the API's reason when the link no longer works", async () => {
    const { fixture, http } = setup('token=used');
    const confirming = fixture.componentInstance.confirm();
    http
      .expectOne('/api/auth/signup/confirm')
      .flush(
        { message: 'This link is no longer valid. Sign up again to get a new one.' },
        { status: 410, statusText: 'Gone' },
      );
    await confirming;
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'no longer valid',
    );
  });

  it('asks for the link when the page is opened without one', () => {
    const { fixture } = setup(null);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('needs the link');
  });
});
