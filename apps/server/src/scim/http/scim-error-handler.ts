import { ERROR_URN } from '@provisio/scim';
import type { ScimErrorBody } from '@provisio/scim';
import type { ErrorRequestHandler } from 'express';
import { loggablePath } from '../../http/loggable-path.ts';
import { sendScim } from './scim-response.ts';
import { toScimFailure } from './to-scim-failure.ts';
import type { ScimFailure } from './to-scim-failure.ts';

/**
 * The one SCIM error middleware: every failure under /scim/v2 leaves as a SCIM Error body
 * (`status` a string, RFC 7644 §3.12). Only 5xx are logged, with the request id, and
 * their message and stack never reach the client.
 */
export const scimErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const failure = toScimFailure(error);
  const requestId = String(res.getHeader('X-Request-Id') ?? '');
  if (failure.status >= 500)
    req.log.error({ err: error, requestId, path: loggablePath(req.originalUrl) }, 'scim request failed');
  for (const [name, value] of Object.entries(failure.headers ?? {})) res.setHeader(name, value);
  res.locals['scimFailure'] = failure;
  sendScim(res, failure.status, scimErrorBody(failure, requestId));
};

/** A failure's SCIM Error body (`status` a string); an internal one names only the request. */
export function scimErrorBody(failure: ScimFailure, requestId: string): ScimErrorBody {
  const detail = failure.internal ? `${failure.detail} (request ${requestId})` : failure.detail;
  return {
    schemas: [ERROR_URN],
    status: String(failure.status),
    ...(failure.scimType ? { scimType: failure.scimType } : {}),
    detail,
  };
}
