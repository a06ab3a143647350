import type { ProvisioErrorData } from '@provisio/api';
import type { AppErrorCode } from '@provisio/core';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from './types.ts';

/** The domain error codes, plus `NETWORK` when the server could not be reached or answered no tRPC error. */
export type ProvisioErrorCode = AppErrorCode | 'NETWORK';

/** A field that failed validation: `path` as `['attributes', 'userName']`. */
export type ProvisioIssue = { path: string[]; message: string };

const FROM_TRPC: Record<string, AppErrorCode> = {
  BAD_REQUEST: 'BAD_REQUEST',
  PARSE_ERROR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
};

/**
 * Every failure of a Provisio call: a `TRPCClientError` (so existing `instanceof` checks hold)
 * with the domain `code`, the `message`, the SCIM `scimType` when there is one, and the
 * failing fields (`issues`) of a validation error.
 */
export class ProvisioError extends TRPCClientError<AppRouter> {
  override name = 'ProvisioError';
  readonly code: ProvisioErrorCode;
  readonly scimType: string | undefined;
  readonly issues: ProvisioIssue[] | undefined;
  readonly httpStatus: number | undefined;

  constructor(error: TRPCClientError<AppRouter>) {
    super(error.message, {
      ...(error.shape ? { result: { error: error.shape } } : {}),
      ...(error.cause ? { cause: error.cause } : {}),
      meta: error.meta ?? {},
    });
    // TRPCClientError resets its prototype to its own (for old transpilers): restore the subclass.
    Object.setPrototypeOf(this, new.target.prototype);
    const data = error.data as Partial<ProvisioErrorData> | undefined;
    this.code = data?.appError?.code ?? (data?.code ? (FROM_TRPC[data.code] ?? 'INTERNAL') : 'NETWORK');
    this.scimType = data?.appError?.scimType ?? undefined;
    this.issues = data?.issues ?? undefined;
    this.httpStatus = data?.httpStatus;
  }

  /** Any thrown value as a ProvisioError (non-tRPC errors become `NETWORK`). */
  static fromUnknown(error: unknown): ProvisioError {
    if (error instanceof ProvisioError) return error;
    return new ProvisioError(
      TRPCClientError.from<AppRouter>(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

export const isProvisioError = (error: unknown): error is ProvisioError => error instanceof ProvisioError;

/** A resume id older than the server keeps events for: list everything again, then subscribe from `events.head`. */
export const isResyncRequired = (error: unknown): boolean =>
  isProvisioError(error) && error.scimType === 'expiredCursor';
