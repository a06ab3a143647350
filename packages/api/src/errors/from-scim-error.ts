import { AppError } from '@provisio/core';
import type { AppErrorCode } from '@provisio/core';
import { ScimError } from '@provisio/scim';
import type { ScimStatus } from '@provisio/scim';

const CODES: Record<ScimStatus, AppErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'BAD_REQUEST',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  501: 'BAD_REQUEST',
  503: 'UNAVAILABLE',
};

/** A ScimError raised by @provisio/scim inside a procedure (parser, PATCH engine) as an AppError. */
export function fromScimError(error: unknown): AppError | null {
  if (!(error instanceof ScimError)) return null;
  return new AppError(CODES[error.status], { message: error.detail, scimType: error.scimType, cause: error });
}
