import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from './session-store';

/** A 401 from any API call other than sign-in means the session ended: go back to the sign-in page. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const isSessionCall = request.url.endsWith('/api/auth/login') || request.url.endsWith('/api/me');
      if (error instanceof HttpErrorResponse && error.status === 401 && !isSessionCall) {
        session.forget();
        void router.navigate(['/login'], { queryParams: { returnTo: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
