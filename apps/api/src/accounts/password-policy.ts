import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordProblem } from '@rapport/domain';
import { ValidationFailedError } from '../errors/app-error';

/** About 49,000 passwords seen most often in leaks (the zxcvbn-ts common dictionary), lower-cased. */
const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
);

@Injectable()
export class PasswordPolicy {
  /** Throws a 400 naming `field` when the password is too short, too common or contains the email. */
  assertAcceptable(password: string, email: string, field = 'password'): void {
    const problem = passwordProblem(password, {
      email,
      isCommon: (candidate) => COMMON_PASSWORDS.has(candidate),
    });
    if (problem) throw new ValidationFailedError([{ field, reason: problem }]);
  }
}
