import type { AuditChange } from './audit-event.ts';

/** Never recorded, old or new: credentials and anything derived from them. */
const SECRET = /password|secret|token|hash/i;

type Json = unknown;
const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as recorded: secret-looking keys removed at every depth (arrays of objects too). */
function redact(value: Json): Json {
  if (Array.isArray(value)) return value.map(redact);
  if (!isPlainObject(value)) return value ?? null;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !SECRET.test(k))
      .map(([k, v]) => [k, redact(v)]),
  );
}

const absent = (value: Json) => value === undefined || value === null;

function walk(path: string, before: Json, after: Json, out: Array<{ attribute: string; old: Json; new: Json }>) {
  // An object that appears or disappears is recorded attribute by attribute.
  if (
    (isPlainObject(before) || absent(before)) &&
    (isPlainObject(after) || absent(after)) &&
    !(absent(before) && absent(after))
  ) {
    before = before ?? {};
    after = after ?? {};
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (SECRET.test(key)) continue;
      walk(path ? `${path}.${key}` : key, before[key], after[key], out);
    }
    return;
  }
  // Arrays (emails, roles, members) are compared whole: a multi-valued attribute changed.
  if (JSON.stringify(before) !== JSON.stringify(after))
    out.push({ attribute: path, old: redact(before), new: redact(after) });
}

/**
 * The attributes that differ between two states of a resource, as dotted paths with old
 * and new values; `null` before means created, `null` after means deleted. Secret-looking
 * keys are skipped at every depth.
 */
export function diffRecords(
  resource: { resourceType: string; resourceId: string },
  before: Json,
  after: Json,
): AuditChange[] {
  const out: Array<{ attribute: string; old: Json; new: Json }> = [];
  walk('', before ?? {}, after ?? {}, out);
  return out.map((change) => ({ ...resource, ...change }));
}
