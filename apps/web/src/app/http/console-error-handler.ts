import { HttpErrorResponse } from '@angular/common/http';
import { type ErrorHandler, inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { apiProblemOf } from './api-error';

/**
 * Where errors no page caught end up (the browser's unhandled rejections included). A failed API call
 * tells the person at the screen what went wrong, instead of leaving a page empty as if there were nothing
 * to show; a 401 is left to the session interceptor, which goes back to the sign-in page.
 */
@Injectable()
export class ConsoleErrorHandler implements ErrorHandler {
  private readonly snackBar = inject(MatSnackBar);

  handleError(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status !== 401) {
      this.snackBar.open(apiProblemOf(error).message, 'Dismiss', { duration: 10_000 });
    }
    console.error(error);
  }
}
