import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
import { toScimErrorBody } from '../errors/to-scim-error-body.ts';
import { CORE_USER_SCHEMA } from '../schema/core-user-schema.ts';
import { ErrorSchema, ListResponseSchema } from '../schema/message-schemas.ts';
import { registries } from '../testing/registries.ts';
import { buildListResponse } from './list-response.ts';
import { buildResourceType, buildResourceTypes } from './resource-types.ts';
import { buildSchema, buildSchemas } from './schemas.ts';
import { buildServiceProviderConfig } from './service-provider-config.ts';

const baseUrl = 'https://example.com/scim/v2';

describe('errors', () => {
  it('renders status as a string (RFC 7644 §3.12, Okta SPEC #11/#12)', () => {
    const body = toScimErrorBody(
      new ScimError({ status: 409, scimType: 'uniqueness', detail: 'User already exists in the database.' }),
    );
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: 'User already exists in the database.',
    });
    expect(ErrorSchema.safeParse(body).success).toBe(true);
  });
  it('hides anything that is not a ScimError behind a 500', () => {
    expect(toScimErrorBody(new Error('db password is hunter2'))).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '500',
      detail: 'Internal server error',
    });
  });
  it('a 404 has no scimType', () => {
    expect(toScimErrorBody(new ScimError({ status: 404, detail: 'Resource 2819c223 not found' }))).not.toHaveProperty(
      'scimType',
    );
  });
});

describe('ListResponse', () => {
  it('uses integers (Okta import)', () => {
    const body = buildListResponse({ resources: [], totalResults: 0, startIndex: 1 });
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
    expect(ListResponseSchema.safeParse(body).success).toBe(true);
    expect(() => buildListResponse({ resources: [], totalResults: 1.5 })).toThrow(TypeError);
  });
});

describe('discovery', () => {
  it('ServiceProviderConfig', () => {
    const spc = buildServiceProviderConfig({
      baseUrl,
      maxResults: 1000,
      pagination: {
        cursor: true,
        index: true,
        defaultPaginationMethod: 'index',
        defaultPageSize: 100,
        maxPageSize: 1000,
        cursorTimeout: 3600,
      },
    });
    expect(spc).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      pagination: { cursor: true, index: true, maxPageSize: 1000 },
      authenticationSchemes: [{ type: 'oauthbearertoken', primary: true }],
    });
  });
  it('ServiceProviderConfig publishes bulk limits when given them', () => {
    const spc = buildServiceProviderConfig({
      baseUrl,
      maxResults: 1000,
      bulk: { maxOperations: 1000, maxPayloadSize: 1_048_576 },
    });
    expect(spc.bulk).toEqual({ supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 });
  });
  it('ResourceTypes list the enterprise and custom extensions', () => {
    expect(buildResourceTypes({ registry: registries.rfc, baseUrl }).map((r) => r.id)).toEqual(['User', 'Group']);
    expect(buildResourceType('user', { registry: registries.custom, baseUrl }).schemaExtensions).toEqual([
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
      { schema: 'urn:acme:params:scim:schemas:extension:acme:2.0:User', required: false },
    ]);
    expect(() => buildResourceType('Device', { registry: registries.rfc, baseUrl })).toThrow(ScimError);
  });
  it('/Schemas comes from the same definitions as validation', () => {
    const all = buildSchemas({ registry: registries.custom, baseUrl });
    expect(all.map((s) => s.id)).toContain('urn:acme:params:scim:schemas:extension:acme:2.0:User');
    const user = buildSchema('urn:ietf:params:scim:schemas:core:2.0:user', { registry: registries.rfc, baseUrl });
    expect(user.attributes.map((a) => a['name'])).toEqual(CORE_USER_SCHEMA.attributes.map((a) => a.name));
    expect(user.attributes.find((a) => a['name'] === 'password')).toMatchObject({
      mutability: 'writeOnly',
      returned: 'never',
    });
    expect(user.attributes.find((a) => a['name'] === 'userName')).toMatchObject({
      required: true,
      caseExact: false,
      uniqueness: 'server',
    });
    expect(user.attributes.find((a) => a['name'] === 'emails')).toMatchObject({
      multiValued: true,
      subAttributes: expect.any(Array),
    });
    expect(() => buildSchema('urn:nope', { registry: registries.rfc, baseUrl })).toThrow(ScimError);
  });
});
