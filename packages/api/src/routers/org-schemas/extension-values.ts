import { AppError } from '@provisio/core';
import type { UserAttributes } from '@provisio/core';
import { keepHiddenValues } from '@provisio/core/org-schemas';
import { findAttribute } from '@provisio/scim';
import type { OrgRegistry } from './org-registry.ts';

const invalid = (message: string) => new AppError('BAD_REQUEST', { message, scimType: 'invalidValue' });

/**
 * Checks `attributes.extensions` of a tRPC write against the org's active schemas, with the
 * validators `/Schemas` is printed from: a storage key or attribute the org does not show
 * (another org's, a retired or hidden one) is refused, as a SCIM write naming it is.
 */
export function assertExtensionValues(org: OrgRegistry, extensions: UserAttributes['extensions']): void {
  for (const [storageKey, values] of Object.entries(extensions ?? {})) {
    const binding = org.registry.resources.User.extensions.find((e) => e.storage[1] === storageKey);
    if (!binding || binding.storage[0] !== 'extensions')
      throw invalid(`'${storageKey}' is not an extension of this org (see orgSchemas.list for storage keys)`);
    for (const [name, value] of Object.entries(values)) {
      const def = findAttribute(binding.schema.attributes, name);
      if (!def || def.name !== name) throw invalid(`'${name}' is not an attribute of ${binding.schema.id}`);
      const parsed = org.registry.validators.attribute(def).safeParse(value);
      if (!parsed.success)
        throw invalid(`${binding.schema.id}:${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
  }
}

/** `next` with the stored values the writer could not see put back (hidden attributes, retired schemas). */
export function withHiddenValues<T extends Pick<UserAttributes, 'extensions'>>(
  org: OrgRegistry,
  stored: UserAttributes['extensions'],
  next: T,
): T {
  const extensions = keepHiddenValues(stored, next.extensions, org.schemas);
  const { extensions: _dropped, ...rest } = next;
  return (extensions ? { ...rest, extensions } : rest) as T;
}
