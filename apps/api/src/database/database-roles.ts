/** The role the app works as: no BYPASSRLS, owns nothing; created by the first migration. */
export const APP_ROLE = 'rapport_app';
export const MIGRATIONS_TABLE = 'schema_migrations';
