import type { IncomingMessage } from 'node:http';
import { BULK_LIMITS, isScimRequestContentType } from '@provisio/scim';
import express from 'express';
import type { RequestHandler } from 'express';
import { ScimHttpFailure } from './scim-failure.ts';

/** Every SCIM body, a BulkRequest's included: `bulk.maxPayloadSize` in /ServiceProviderConfig. */
export const BODY_LIMIT = BULK_LIMITS.maxPayloadSize;

/** RFC 7644 §3.8 names `application/scim+json`; Entra and Okta also send `application/json`. */
const isScimBody = (req: IncomingMessage) => isScimRequestContentType(req.headers['content-type']);

const json = express.json({ type: isScimBody, limit: BODY_LIMIT, strict: true });

/** The same test body-parser makes: a body is announced by a length or a transfer encoding. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';

/**
 * Parses SCIM bodies and refuses other media types with 415 before reading them, so a
 * form post never reaches a handler as an empty body. Parse and size errors go to the
 * SCIM error middleware (body-parser tags them `entity.parse.failed` / `entity.too.large`).
 */
export const scimBodyParser: RequestHandler = (req, res, next) => {
  // Nothing to parse (every GET, a DELETE): body-parser would only look again, at some cost per request.
  if (!hasBody(req)) {
    next();
    return;
  }
  if (!isScimBody(req)) {
    const given = req.headers['content-type'] ?? 'none';
    const detail = `Unsupported media type '${given}': send application/scim+json or application/json`;
    next(new ScimHttpFailure({ status: 415, detail }));
    return;
  }
  json(req, res, next);
};
