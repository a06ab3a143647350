import { isAppError } from '@provisio/core';
import { databaseUnavailable, isDatabaseUnreachable } from '@provisio/db';
import type { AppError, AppErrorCode } from '@provisio/core';
import { BULK_LIMITS, SCIM_TYPES_BY_STATUS, ScimError } from '@provisio/scim';
import type { ScimStatus, ScimType } from '@provisio/scim';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ZodError } from 'zod';
import { STATUS_BY_CODE } from '../../http/status-by-code.ts';
import { ScimHttpFailure } from './scim-failure.ts';

/** A failure reduced to what the wire shows; `internal` ones are logged and never described. */
export type ScimFailure = {
  status: number;
  scimType?: ScimType | undefined;
  detail: string;
  headers?: Readonly<Record<string, string>>;
  internal: boolean;
};

// Every code's status must be one SCIM knows.
STATUS_BY_CODE satisfies Record<AppErrorCode, ScimStatus>;

/** When a domain error has no (or no valid) scimType: the one RFC 7644 Table 9 expects. */
const DEFAULT_TYPE: { [S in keyof typeof SCIM_TYPES_BY_STATUS]?: (typeof SCIM_TYPES_BY_STATUS)[S][number] } = {
  400: 'invalidValue',
  409: 'uniqueness',
};

/** Keeps a scimType only where Table 9 allows it for the status (e.g. never `uniqueness` on a 400). */
function typeFor(status: number, wanted: ScimType | undefined): ScimType | undefined {
  const allowed: readonly string[] | undefined = (SCIM_TYPES_BY_STATUS as Record<number, readonly string[]>)[status];
  if (!allowed) return undefined;
  if (wanted && allowed.includes(wanted)) return wanted;
  return DEFAULT_TYPE[status as keyof typeof DEFAULT_TYPE];
}

const INTERNAL: ScimFailure = { status: 500, detail: 'Internal server error', internal: true };

function fromAppError(error: AppError): ScimFailure {
  const status = STATUS_BY_CODE[error.code];
  if (status >= 500 && status !== 503) return INTERNAL;
  const headers = error.retryAfter !== undefined ? { 'Retry-After': String(error.retryAfter) } : undefined;
  return {
    status,
    scimType: typeFor(status, error.scimType),
    detail: error.userMessage ?? error.message,
    headers,
    internal: false,
  };
}

function fromZod(error: ZodError): ScimFailure {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at '${issue.path.map(String).join('.')}'` : '';
  return {
    status: 400,
    scimType: 'invalidValue',
    detail: `Invalid value${where}: ${issue?.message ?? 'rejected'}`,
    internal: false,
  };
}

type BodyParserError = { type: string; status?: number };
const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string';

/** Maps anything thrown under /scim/v2 — ScimError, AppError, TRPCError, body-parser, bugs — to one failure. */
export function toScimFailure(error: unknown): ScimFailure {
  if (error instanceof ScimHttpFailure || error instanceof ScimError) {
    const headers = error instanceof ScimHttpFailure ? error.headers : undefined;
    return {
      status: error.status,
      scimType: typeFor(error.status, error.scimType),
      detail: error.detail,
      headers,
      internal: error.status === 500,
    };
  }
  if (isAppError(error)) return fromAppError(error);
  // Outside a procedure too (authentication reads keys and orgs): an unreachable database is a 503 to retry.
  if (isDatabaseUnreachable(error)) return fromAppError(databaseUnavailable(error));
  if (error instanceof TRPCError) {
    if (isAppError(error.cause)) return fromAppError(error.cause);
    if (error.cause instanceof ZodError) return fromZod(error.cause);
    // Without a domain cause, NOT_FOUND means "no such procedure": our bug, not the client's.
    const status = getHTTPStatusCodeFromError(error);
    if (status >= 500 || error.code === 'NOT_FOUND') return INTERNAL;
    return { status, scimType: typeFor(status, undefined), detail: error.message, internal: false };
  }
  // An id with broken %-escapes can't name any resource.
  if (error instanceof URIError) return { status: 404, detail: 'Resource not found', internal: false };
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed')
      return { status: 400, scimType: 'invalidSyntax', detail: 'The body is not valid JSON', internal: false };
    if (error.type === 'entity.too.large')
      return {
        status: 413,
        detail: `The body is larger than 1 MB: at most ${BULK_LIMITS.maxPayloadSize} bytes (maxPayloadSize)`,
        internal: false,
      };
    if (error.type.endsWith('.unsupported'))
      return { status: 415, detail: 'Unsupported charset or content encoding', internal: false };
    if (error.status !== undefined && error.status < 500)
      return { status: 400, scimType: 'invalidSyntax', detail: 'The body could not be read', internal: false };
  }
  return INTERNAL;
}
