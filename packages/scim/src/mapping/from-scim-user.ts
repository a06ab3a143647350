import type { UserAttributes } from '../domain/types.ts';
import { validatePatched } from '../patch/validate-patched.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { defaultActive } from './default-active.ts';
import { wireToDomain } from './wire-to-domain.ts';

export type FromScimUserResult = { attributes: UserAttributes; password?: string };

/**
 * A POST/PUT User body → the domain shape. Tolerates Entra's quirks (enterprise URN listed
 * without an object, client `meta`, explicit nulls, malformed URNs in `schemas`, string
 * booleans); refuses unknown attributes/URN keys (invalidSyntax) and wrong types, such as
 * `{"userName": {"$gt": ""}}` (invalidValue). `active` defaults to true when absent.
 */
export function fromScimUser(wire: unknown, registry: SchemaRegistry): FromScimUserResult {
  const { domain, password } = wireToDomain(wire, registry, 'User');
  defaultActive(domain);
  validatePatched(registry.resources.User, domain);
  const result: FromScimUserResult = { attributes: domain as unknown as UserAttributes };
  if (password !== undefined) result.password = password;
  return result;
}
