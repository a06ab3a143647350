import { normaliseKey } from '@provisio/core';
import type { UserAttributes } from '@provisio/core';

/** `<storage key>.<attribute>[.<sub>]=`: the prefix of an extension value's key. */
export const extensionKeyPrefix = (storageKey: string, attribute: string, sub?: string) =>
  `${storageKey}.${attribute}${sub === undefined ? '' : `.${sub}`}=`;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(strings) : typeof value === 'string' ? [value] : [];

/**
 * Every string value of the org extensions, normalised, as a top-level array
 * (`xa1b2.costCode=cc-17`): FerretDB pushes down only top-level equality, so an extension
 * `eq` filter reads this under the `(orgId, extKeys)` index instead of every user of the org.
 * Values are normalised whatever the attribute's caseExact (storage does not know it); a
 * caseExact filter adds the exact test on the stored value (see resolve-extension-path.ts).
 */
export function extensionKeysOf(extensions: UserAttributes['extensions']): string[] {
  const keys = new Set<string>();
  for (const [storageKey, values] of Object.entries(extensions ?? {}))
    for (const [name, value] of Object.entries(values)) {
      for (const s of strings(value)) keys.add(extensionKeyPrefix(storageKey, name) + normaliseKey(s));
      for (const element of Array.isArray(value) ? value : [value]) {
        if (!element || typeof element !== 'object') continue;
        for (const [sub, subValue] of Object.entries(element as Record<string, unknown>))
          for (const s of strings(subValue)) keys.add(extensionKeyPrefix(storageKey, name, sub) + normaliseKey(s));
      }
    }
  return [...keys];
}
