export * from './accounts/permissions';
export * from './accounts/roles';
export * from './contracts/auth';
export * from './contracts/errors';
export * from './contracts/health';
export * from './contracts/page';
export * from './scores/nps';
