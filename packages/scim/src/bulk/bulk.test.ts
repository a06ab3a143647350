import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
import { BULK_LIMITS } from '../limits.ts';
import { catchError } from '../testing/catch-error.ts';
import { bulkIdReferences, resolveBulkIds } from './bulk-references.ts';
import { buildBulkResponse } from './bulk-response.ts';
import { parseBulkRequest } from './parse-bulk-request.ts';
import { planBulk } from './plan-bulk.ts';
import type { PlanInput } from './plan-bulk.ts';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const post = (bulkId: string, data: object = {}) => ({ method: 'POST', path: '/Users', bulkId, data });

describe('parseBulkRequest', () => {
  it('reads methods, endpoints, targets, bulkIds, versions and data, case-insensitively', () => {
    const parsed = parseBulkRequest({
      schemas: [BULK],
      failOnErrors: 2,
      operations: [
        post('u1', { userName: 'a' }),
        { method: 'patch', path: '/groups/bulkId:g1', version: 'W/"3"', data: { Operations: [] } },
        { method: 'DELETE', path: 'Users/0193', bulkId: 'ignored' },
      ],
    });
    expect(parsed.failOnErrors).toBe(2);
    expect(parsed.operations).toEqual([
      { ok: true, operation: { method: 'POST', endpoint: 'Users', bulkId: 'u1', data: { userName: 'a' } } },
      {
        ok: true,
        operation: {
          method: 'PATCH',
          endpoint: 'Groups',
          target: 'bulkId:g1',
          version: 'W/"3"',
          data: { Operations: [] },
        },
      },
      { ok: true, operation: { method: 'DELETE', endpoint: 'Users', target: '0193' } },
    ]);
  });

  it('refuses a bad operation alone, keeping the method and bulkId it claimed', () => {
    const { operations } = parseBulkRequest({
      Operations: [
        { method: 'GET', path: '/Users/1' },
        { method: 'POST', path: '/Users/1', bulkId: 'x', data: {} },
        { method: 'PUT', path: '/Users', data: {} },
        { method: 'POST', path: '/Devices', bulkId: 'd', data: {} },
        { method: 'POST', path: '/Users', data: {} },
        { method: 'PATCH', path: '/Users/1' },
        { method: 'PUT', path: '/Users/1', version: 3, data: {} },
        'DELETE /Users/1',
      ],
    });
    const errors = operations.map((o) =>
      o.ok ? null : { status: o.error.status, scimType: o.error.scimType, method: o.method, bulkId: o.bulkId },
    );
    expect(errors).toEqual([
      { status: 400, scimType: 'invalidSyntax', method: 'GET', bulkId: undefined },
      { status: 400, scimType: 'invalidValue', method: 'POST', bulkId: 'x' },
      { status: 400, scimType: 'invalidValue', method: 'PUT', bulkId: undefined },
      { status: 400, scimType: 'invalidValue', method: 'POST', bulkId: 'd' },
      { status: 400, scimType: 'invalidValue', method: 'POST', bulkId: undefined },
      { status: 400, scimType: 'invalidSyntax', method: 'PATCH', bulkId: undefined },
      { status: 400, scimType: 'invalidValue', method: 'PUT', bulkId: undefined },
      { status: 400, scimType: 'invalidSyntax', method: undefined, bulkId: undefined },
    ]);
  });

  it('refuses what makes the whole request unusable', () => {
    for (const [body, pattern] of [
      [[], /BulkRequest object/],
      [{ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [post('a')] }, /schemas/],
      [{ Operations: [] }, /non-empty array/],
      [{ Operations: [post('a')], failOnErrors: 0 }, /failOnErrors/],
      [{ Operations: [post('a')], failOnErrors: '1' }, /failOnErrors/],
      [{ Operations: [post('a'), post('a')] }, /bulkId 'a' is given to more than one POST/],
    ] as const) {
      const err = catchError(() => parseBulkRequest(body));
      expect(err).toBeInstanceOf(ScimError);
      expect(err).toMatchObject({ status: 400, detail: expect.stringMatching(pattern) });
    }
  });

  it(`accepts ${BULK_LIMITS.maxOperations} operations and answers 413 beyond, before reading any`, () => {
    const many = (n: number) => ({ Operations: Array.from({ length: n }, (_, i) => post(`u${i}`)) });
    expect(parseBulkRequest(many(BULK_LIMITS.maxOperations)).operations).toHaveLength(BULK_LIMITS.maxOperations);
    const over = many(BULK_LIMITS.maxOperations + 1);
    over.Operations[0] = 'not an operation' as never;
    expect(catchError(() => parseBulkRequest(over))).toMatchObject({
      status: 413,
      detail: expect.stringMatching(/1,001 operations, more than maxOperations \(1000\)/),
    });
  });
});

describe('bulkId references', () => {
  it('finds exact bulkId:<id> strings anywhere in data and in the target, once each', () => {
    const data = {
      members: [{ value: 'bulkId:a' }, { value: 'bulkId:b' }, { value: 'bulkId:a' }],
      note: 'not bulkId:c',
      manager: { value: 'bulkId:' },
    };
    expect(bulkIdReferences({ target: 'bulkId:g', data })).toEqual(['g', 'a', 'b']);
  });

  it('replaces resolved ones and leaves the rest', () => {
    const data = { members: [{ value: 'bulkId:a' }, { value: 'bulkId:z' }], n: 1, t: true, x: null };
    expect(resolveBulkIds(data, new Map([['a', 'id-a']]))).toEqual({
      members: [{ value: 'id-a' }, { value: 'bulkId:z' }],
      n: 1,
      t: true,
      x: null,
    });
    expect(data.members[0]?.value).toBe('bulkId:a');
  });
});

describe('planBulk', () => {
  const op = (defines: string | undefined, ...references: string[]): PlanInput => ({
    ...(defines ? { defines } : {}),
    references,
  });

  it('keeps request order when every bulkId is defined first', () => {
    expect(planBulk([op('u1'), op('u2'), op('g', 'u1', 'u2')]).order).toEqual([0, 1, 2]);
  });

  it('runs a forward-referenced POST just before the first operation that needs it', () => {
    const plan = planBulk([op('g', 'u1', 'u2'), op(undefined, 'u2'), op('u1'), op('u2')]);
    expect(plan.order).toEqual([2, 3, 0, 1]);
    expect(plan.needs.get(0)).toEqual([2, 3]);
    expect(plan.refused.size).toBe(0);
  });

  it('refuses an unknown bulkId with 400 and a circle with 409, and skips unparsed operations', () => {
    const plan = planBulk([op('a', 'b'), op('b', 'a'), op(undefined, 'a'), op('c', 'nope'), null, op('s', 's')]);
    expect(plan.refused.get(0)).toMatchObject({ status: 409, detail: expect.stringMatching(/'a' → 'b' → 'a'/) });
    expect(plan.refused.get(1)).toMatchObject({ status: 409 });
    expect(plan.refused.has(2)).toBe(false); // runs, and fails because 'a' failed
    expect(plan.refused.get(3)).toEqual({
      status: 400,
      scimType: 'invalidValue',
      detail: "bulkId 'nope' is not defined by any POST operation of this request",
    });
    expect(plan.refused.get(5)).toMatchObject({ status: 409, detail: expect.stringMatching(/'s' → 's'/) });
    expect(plan.order).toEqual([1, 0, 2, 3, 4, 5]);
  });
});

describe('buildBulkResponse', () => {
  it('renders status as a string and version as an ETag', () => {
    const error = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] as ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '412',
      detail: 'stale',
    };
    expect(
      buildBulkResponse([
        { method: 'POST', bulkId: 'a', location: 'https://x/Users/1', version: 1, status: 201 },
        { method: 'PATCH', location: 'https://x/Users/2', status: 412, response: error },
      ]),
    ).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],
      Operations: [
        { method: 'POST', bulkId: 'a', location: 'https://x/Users/1', version: 'W/"1"', status: '201' },
        { method: 'PATCH', location: 'https://x/Users/2', status: '412', response: error },
      ],
    });
  });
});
