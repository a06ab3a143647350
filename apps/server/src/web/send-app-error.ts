import { isAppError } from '@provisio/core';
import type { AuthRefusal } from '@provisio/api/web-auth';
import type { Response } from 'express';
import { STATUS_BY_CODE } from '../http/status-by-code.ts';

/** An AppError as the session endpoints answer it (JSON `{ error }`, `Retry-After` when limited); anything else is rethrown (500). */
export function sendAppError(res: Response, error: unknown): void {
  if (!isAppError(error)) throw error;
  if (error.retryAfter !== undefined) res.set('Retry-After', String(error.retryAfter));
  res.status(STATUS_BY_CODE[error.code]).json({ error: error.userMessage ?? error.message } satisfies AuthRefusal);
}
