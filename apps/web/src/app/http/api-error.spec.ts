import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { apiProblemOf, showFieldProblems } from './api-error';

describe('apiProblemOf', () => {
  it('keeps the message and each field reason of a 400', () => {
    const problem = apiProblemOf(
      new HttpErrorResponse({
        status: 400,
        error: {
          message: 'Invalid request',
          details: [{ field: 'password', reason: 'must be at least 12 characters' }],
        },
      }),
    );
    expect(problem).toEqual({
      status: 400,
      message: 'Invalid request',
      fields: { password: 'must be at least 12 characters' },
      details: [{ field: 'password', reason: 'must be at least 12 characters' }],
    });
  });

  it('says how long to wait after a 429', () => {
    const problem = apiProblemOf(
      new HttpErrorResponse({
        status: 429,
        error: { message: 'Too many attempts.' },
        headers: new HttpHeaders({ 'retry-after': '30' }),
      }),
    );
    expect(problem.message).toBe('Too many attempts. Try again in 30 s.');
  });

  it('explains a network failure', () => {
    expect(apiProblemOf(new HttpErrorResponse({ status: 0 })).message).toContain('cannot be reached');
  });
});

describe('showFieldProblems', () => {
  it('puts the reason on the matching control', () => {
    const form = new FormGroup({ password: new FormControl('') });
    const isMatched = showFieldProblems(
      form,
      { status: 400, message: '', fields: { password: 'is too common', other: 'x' }, details: [] },
      { password: 'The password' },
    );
    expect(isMatched).toBe(true);
    expect(form.controls.password.errors).toEqual({ server: 'The password is too common' });
  });
});
