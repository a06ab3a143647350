import type { BulkOperation } from './parse-bulk-request.ts';

const PREFIX = 'bulkId:';

const bulkIdOf = (value: string): string | undefined =>
  value.startsWith(PREFIX) && value.length > PREFIX.length ? value.slice(PREFIX.length) : undefined;

function visitStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) visitStrings(v, visit);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) visitStrings(v, visit);
}

/**
 * The bulkIds an operation needs resolved before it can run (RFC 7644 §3.7.2): every
 * string of its data that is exactly `bulkId:<id>` (a member's value, a manager's, any
 * reference) and a path `/Users/bulkId:<id>`. In order of appearance, without repeats.
 */
export function bulkIdReferences(operation: Pick<BulkOperation, 'target' | 'data'>): string[] {
  const found = new Set<string>();
  const note = (s: string) => {
    const id = bulkIdOf(s);
    if (id !== undefined) found.add(id);
  };
  if (operation.target !== undefined) note(operation.target);
  visitStrings(operation.data, note);
  return [...found];
}

/** A copy of `value` with every `bulkId:<id>` string replaced by the id it was given. */
export function resolveBulkIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  const resolve = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const id = bulkIdOf(v);
      return id === undefined ? v : (ids.get(id) ?? v);
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, resolve(e)]));
    return v;
  };
  return resolve(value) as T;
}
