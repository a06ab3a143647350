export { APP_ERROR_CODES, AppError, isAppError } from './errors/app-error.ts';
export type { AppErrorCode, AppErrorOptions, ScimType } from './errors/app-error.ts';
export { UUID_PATTERN, uuidV7 } from './ids/uuid-v7.ts';
export { systemClock } from './clock.ts';
export type { Clock } from './clock.ts';
export * from './users/user-attributes.ts';
export * from './groups/group-attributes.ts';
export { hasScope, SCOPES } from './auth/principal.ts';
export type { Principal, Scope } from './auth/principal.ts';
