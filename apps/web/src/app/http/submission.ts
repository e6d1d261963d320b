import { signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { type ApiProblem, apiProblemOf } from './api-error';

/** One form's sending: whether it is on its way, and why the last one failed, in words for the person. */
export class Submission {
  readonly isBusy = signal(false);
  readonly error = signal<string | null>(null);

  /**
   * Runs `send` once `form` (when given) is valid, else marks its fields so that their errors show. A
   * failure is said in `error`, unless `placeProblem` put it on the form's fields and answers true.
   */
  async run(
    form: AbstractControl | null,
    send: () => Promise<unknown>,
    placeProblem: (problem: ApiProblem) => boolean = () => false,
  ): Promise<void> {
    if (form?.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.isBusy.set(true);
    this.error.set(null);
    try {
      await send();
    } catch (error) {
      const problem = apiProblemOf(error);
      if (!placeProblem(problem)) this.error.set(problem.message);
    } finally {
      this.isBusy.set(false);
    }
  }
}
