import type { AuditChange } from './audit-event.ts';

/** Never recorded, old or new: credentials and anything derived from them. */
const SECRET = /password|secret|token|hash/i;

type Json = unknown;
const isPlainObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(path: string, before: Json, after: Json, out: Array<{ attribute: string; old: Json; new: Json }>) {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (SECRET.test(key)) continue;
      walk(path ? `${path}.${key}` : key, before[key], after[key], out);
    }
    return;
  }
  // Arrays (emails, roles, members) are compared whole: a multi-valued attribute changed.
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ attribute: path, old: before ?? null, new: after ?? null });
}

/**
 * The attributes that differ between two states of a resource, as dotted paths with old
 * and new values; `null` before means created, `null` after means deleted. Secret-looking
 * keys are skipped at every depth.
 */
export function diffRecords(resource: { resourceType: string; resourceId: string }, before: Json, after: Json): AuditChange[] {
  const out: Array<{ attribute: string; old: Json; new: Json }> = [];
  walk('', before ?? {}, after ?? {}, out);
  return out.map((change) => ({ ...resource, ...change }));
}
