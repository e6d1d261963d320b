import { AppError, LinkExpiredError } from '../errors/app-error';

export class EmailTakenError extends AppError {
  readonly status = 409;
  readonly code = 'email_taken';
  constructor() {
    super('This email already has a Rapport account. Sign in, then add a business from the business menu.');
  }
}

export class AlreadyMemberError extends AppError {
  readonly status = 409;
  readonly code = 'already_member';
  constructor(email: string) {
    super(`${email} is already a member of this business`);
  }
}

export class TeamRuleError extends AppError {
  readonly status = 409;
  readonly code = 'team_rule';
}

export class InvitationExpiredError extends LinkExpiredError {
  constructor() {
    super('This invitation has expired. Ask for a new one.');
  }
}
