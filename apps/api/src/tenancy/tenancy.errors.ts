import { AppError } from '../errors/app-error';

/** Tenant-owned data was reached without a verified tenant: a programming error, never the client's. */
export class MissingTenantContextError extends AppError {
  readonly status = 500;
  readonly code = 'tenant_context_missing';
  constructor() {
    super('No business is selected for this request');
  }
}

/** A signed-in user with no active business asked for business data. */
export class NoActiveBusinessError extends AppError {
  readonly status = 403;
  readonly code = 'no_active_business';
  constructor() {
    super('Choose a business first');
  }
}
