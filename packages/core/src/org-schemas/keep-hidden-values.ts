import type { UserAttributes } from '../users/user-attributes.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';

type ExtensionData = NonNullable<UserAttributes['extensions']>;
type Values = ExtensionData[string];

const lower = (s: string) => s.toLowerCase();

/** The stored values of one schema a write cannot see: hidden attributes' (purged ones go). */
function invisibleValues(stored: Values, schema: OrgSchemaRecord | undefined): Values {
  // A schema this process does not know: nothing of it is visible, all stays.
  if (!schema) return stored;
  // A retired schema shows nothing: all stays but what was deleted with its data.
  const visible = new Set(schema.status === 'retired' ? [] : schema.attributes.map((a) => lower(a.name)));
  const purged = new Set(schema.purgedAttributeNames.map(lower));
  return Object.fromEntries(
    Object.entries(stored).filter(([name]) => !visible.has(lower(name)) && !purged.has(lower(name))),
  );
}

/**
 * The extension data a write stores: what it sets for visible attributes, plus what it could
 * not see (hidden attributes, retired schemas), so a PUT or PATCH from an IdP never erases
 * values an admin only hid. Values of purged attributes are dropped at this write (the
 * worker's purge removes them from users nobody writes).
 */
export function keepHiddenValues(
  stored: UserAttributes['extensions'],
  next: UserAttributes['extensions'],
  schemas: readonly OrgSchemaRecord[],
): UserAttributes['extensions'] {
  const out: ExtensionData = {};
  const keys = new Set([...Object.keys(stored ?? {}), ...Object.keys(next ?? {})]);
  for (const key of keys) {
    const schema = schemas.find((s) => s.storageKey === key);
    const kept = stored?.[key] ? invisibleValues(stored[key], schema) : {};
    // A PATCH starts from the stored values, purged ones included: they go here.
    const purged = new Set(schema?.purgedAttributeNames.map(lower));
    const written = Object.entries(next?.[key] ?? {}).filter(([name]) => !purged.has(lower(name)));
    const merged = { ...kept, ...Object.fromEntries(written) };
    if (Object.keys(merged).length > 0) out[key] = merged;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
