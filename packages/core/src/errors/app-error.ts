/**
 * The closed set of domain failures. The tRPC error formatter and the SCIM error
 * middleware each map these codes once; nothing else decides an HTTP status.
 */
export const APP_ERROR_CODES = [
  /** Input failed validation (shape, type, value). */
  'BAD_REQUEST',
  /** No credential, or one that is invalid, expired or revoked. */
  'UNAUTHENTICATED',
  /** Authenticated, but the credential's scopes or the org's plan forbid this. */
  'FORBIDDEN',
  /** The resource does not exist in the caller's org (or is not the caller's to see). */
  'NOT_FOUND',
  /** A unique value (userName, group displayName, …) is already taken in the org. */
  'CONFLICT',
  /** An `If-Match` version did not match the stored version. */
  'PRECONDITION_FAILED',
  /** Too many requests for this credential; retry later. */
  'RATE_LIMITED',
  /** A dependency (Redis, the database) is unavailable; the caller may retry. */
  'UNAVAILABLE',
  /** A bug or an unexpected failure; logged with the request id. */
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** SCIM `scimType` values (RFC 7644 Table 9 and RFC 9865) a domain error may carry. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'
  | 'invalidCursor'
  | 'expiredCursor'
  | 'invalidCount';

export type AppErrorOptions = {
  message: string;
  /** A message safe to show to an end user, when it differs from `message`. */
  userMessage?: string;
  scimType?: ScimType;
  /** Seconds after which a retry may succeed (rate limits, unavailability). */
  retryAfter?: number;
  cause?: unknown;
};

export class AppError extends Error {
  override name = 'AppError';
  readonly code: AppErrorCode;
  readonly userMessage: string | undefined;
  readonly scimType: ScimType | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions) {
    super(options.message, { cause: options.cause });
    this.code = code;
    this.userMessage = options.userMessage;
    this.scimType = options.scimType;
    this.retryAfter = options.retryAfter;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
