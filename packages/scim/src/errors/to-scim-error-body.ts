import { ScimError } from './scim-error.ts';
import type { ScimType } from './scim-error.ts';

export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimErrorBody = {
  schemas: [typeof ERROR_URN];
  /** A JSON string, as RFC 7644 §3.12 requires (Okta's SPEC test asserts "401"/"404"). */
  status: string;
  scimType?: ScimType;
  detail: string;
};

/** Renders any thrown value; non-ScimErrors become an opaque 500 so internals never leak. */
export function toScimErrorBody(err: unknown): ScimErrorBody {
  if (!(err instanceof ScimError)) {
    return { schemas: [ERROR_URN], status: '500', detail: 'Internal server error' };
  }
  const body: ScimErrorBody = { schemas: [ERROR_URN], status: String(err.status), detail: err.detail };
  if (err.scimType !== undefined) body.scimType = err.scimType;
  return body;
}
