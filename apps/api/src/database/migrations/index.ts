import { CreateTenancyAndAccounts1795651200000 } from './1795651200000-CreateTenancyAndAccounts';

/** Every migration, oldest first. Listed explicitly so the bundled app needs no file globbing. */
export const MIGRATIONS = [CreateTenancyAndAccounts1795651200000];
