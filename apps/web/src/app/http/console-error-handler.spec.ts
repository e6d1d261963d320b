import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ConsoleErrorHandler } from './console-error-handler';

describe('ConsoleErrorHandler', () => {
  const open = jest.fn();
  let handler: ErrorHandler;

  beforeEach(() => {
    open.mockReset();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    TestBed.configureTestingModule({
      providers: [
        { provide: ErrorHandler, useClass: ConsoleErrorHandler },
        { provide: MatSnackBar, useValue: { open } },
      ],
    });
    handler = TestBed.inject(ErrorHandler);
  });
  afterEach(() => jest.restoreAllMocks());

  it('says what went wrong with an API call no page handled', () => {
    handler.handleError(new HttpErrorResponse({ status: 503, error: { message: 'Rapport is busy.' } }));
    handler.handleError(new HttpErrorResponse({ status: 0 }));
    expect(open.mock.calls.map(([message]) => message)).toEqual([
      'Rapport is busy.',
      'Rapport cannot be reached. Check your connection and try again.',
    ]);
  });

  it('leaves an ended session to the sign-in redirect, and other errors to the console', () => {
    handler.handleError(new HttpErrorResponse({ status: 401 }));
    handler.handleError(new TypeError('x is undefined'));
    expect(open).not.toHaveBeenCalled();
    expect(console.error).toHaveBeenCalledTimes(2);
  });
});
