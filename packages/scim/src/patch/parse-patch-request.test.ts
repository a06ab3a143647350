import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
import { REQUEST_LIMITS } from '../limits.ts';
import { catchError } from '../testing/catch-error.ts';
import { parsePatchRequest } from './parse-patch-request.ts';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const body = (count: number) => ({
  schemas: [PATCH_OP],
  Operations: Array.from({ length: count }, (_, i) => ({ op: 'Add', path: 'members', value: [{ value: `u${i}` }] })),
});

describe('parsePatchRequest limits', () => {
  it(`accepts ${REQUEST_LIMITS.patchOperations} operations`, () => {
    expect(parsePatchRequest(body(REQUEST_LIMITS.patchOperations))).toHaveLength(REQUEST_LIMITS.patchOperations);
  });

  it(`refuses ${REQUEST_LIMITS.patchOperations + 1} operations with tooMany, before reading any`, () => {
    const patch = body(REQUEST_LIMITS.patchOperations + 1);
    patch.Operations[0] = 'not an operation' as never; // would be invalidSyntax if it were read
    const err = catchError(() => parsePatchRequest(patch));
    expect(err).toBeInstanceOf(ScimError);
    expect(err).toMatchObject({
      status: 400,
      scimType: 'tooMany',
      detail: expect.stringMatching(/at most 1,000 operations; this one has 1,001: split it/),
    });
  });
});
