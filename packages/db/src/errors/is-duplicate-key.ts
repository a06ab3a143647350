import { AppError } from '@provisio/core';

const DUPLICATE_MESSAGE = /E11000|duplicate key|UNIQUE constraint failed/;

/**
 * A unique-index violation. MongoDB says code 11000; FerretDB 1.x says 11000 on insert but
 * code 1 with "UNIQUE constraint failed" on findAndModify, so the message is checked too.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 11000 || code === 11001 || (typeof message === 'string' && DUPLICATE_MESSAGE.test(message));
}

/** Rethrows a duplicate-key error as the SCIM-visible CONFLICT/uniqueness. */
export function conflictOnDuplicate(what: string) {
  return (error: unknown): never => {
    if (isDuplicateKey(error)) {
      throw new AppError('CONFLICT', {
        message: `${what} is already taken in this org`,
        scimType: 'uniqueness',
        cause: error,
      });
    }
    throw error;
  };
}

/** For `insertMany({ ordered: false })` of rows that may already exist: only duplicates are fine. */
export function ignoreDuplicates(error: unknown): void {
  const writeErrors = (error as { writeErrors?: unknown[] } | null)?.writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every(isDuplicateKey)) return;
  if (!Array.isArray(writeErrors) && isDuplicateKey(error)) return;
  throw error;
}
