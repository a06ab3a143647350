import {
  BULK_LIMITS,
  buildListResponse,
  buildResourceType,
  buildResourceTypes,
  buildSchema,
  buildSchemas,
  buildServiceProviderConfig,
} from '@provisio/scim';
import { CURSOR_TIMEOUT_SECONDS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@provisio/core';
import { Router } from 'express';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { sendScim } from './http/scim-response.ts';
import { renderContextOf } from './scim-context.ts';

/** Largest page a list returns; must agree with the procedures' clamp (core `MAX_PAGE_SIZE`). */
export const MAX_RESULTS = 1000;

/**
 * `/ServiceProviderConfig`, `/ResourceTypes[/{name}]`, `/Schemas[/{id}]` (RFC 7644 §4), from
 * the request's registry: the RFC schemas plus the calling org's extensions, no other org's.
 */
export function discoveryRouter(): Router {
  const router = Router();
  const get = methodNotAllowed(['GET']);

  router
    .route('/ServiceProviderConfig')
    .get((_req, res) => {
      const config = buildServiceProviderConfig({
        baseUrl: renderContextOf(res).baseUrl,
        maxResults: MAX_RESULTS,
        etag: true,
        sort: true,
        bulk: BULK_LIMITS,
        // RFC 9865: both methods; without `cursor` a request is index-paged, as before cursors existed.
        pagination: {
          cursor: true,
          index: true,
          defaultPaginationMethod: 'index',
          defaultPageSize: DEFAULT_PAGE_SIZE,
          maxPageSize: MAX_PAGE_SIZE,
          cursorTimeout: CURSOR_TIMEOUT_SECONDS,
        },
      });
      sendScim(res, 200, config);
    })
    .all(get);

  router
    .route('/ResourceTypes')
    .get((_req, res) => {
      const types = buildResourceTypes(renderContextOf(res));
      sendScim(res, 200, buildListResponse({ resources: types, totalResults: types.length }));
    })
    .all(get);
  router
    .route('/ResourceTypes/:name')
    .get((req, res) => sendScim(res, 200, buildResourceType(req.params.name, renderContextOf(res))))
    .all(get);

  router
    .route('/Schemas')
    .get((_req, res) => {
      const schemas = buildSchemas(renderContextOf(res));
      sendScim(res, 200, buildListResponse({ resources: schemas, totalResults: schemas.length }));
    })
    .all(get);
  router
    .route('/Schemas/:id')
    .get((req, res) => sendScim(res, 200, buildSchema(req.params.id, renderContextOf(res))))
    .all(get);

  return router;
}
