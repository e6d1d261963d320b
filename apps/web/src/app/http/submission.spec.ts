import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, Validators } from '@angular/forms';
import { Submission } from './submission';

describe('Submission', () => {
  it('sends nothing while the form is invalid, and shows its fields’ errors', async () => {
    const submission = new Submission();
    const email = new FormControl('', { nonNullable: true, validators: [Validators.required] });
    let sent = 0;
    await submission.run(email, async () => (sent += 1));
    expect([sent, email.touched, submission.error()]).toEqual([0, true, null]);
  });

  it('is busy while sending and says why it failed', async () => {
    const submission = new Submission();
    let busyDuring = false;
    await submission.run(null, async () => {
      busyDuring = submission.isBusy();
      throw new HttpErrorResponse({ status: 409, error: { message: 'That email is taken.' } });
    });
    expect([busyDuring, submission.isBusy(), submission.error()]).toEqual([
      true,
      false,
      'That email is taken.',
    ]);

    await submission.run(null, async () => undefined);
    expect(submission.error()).toBeNull();
  });

  it('leaves the message out when the problem was put on the fields', async () => {
    const submission = new Submission();
    const placed: string[] = [];
    await submission.run(
      null,
      async () => {
        throw new HttpErrorResponse({ status: 400, error: { message: 'Invalid', details: [] } });
      },
      (problem) => (placed.push(problem.message), true),
    );
    expect([placed, submission.error()]).toEqual([['Invalid'], null]);
  });
});
