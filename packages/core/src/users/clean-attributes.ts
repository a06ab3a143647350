import { AppError } from '../errors/app-error.ts';
import type { UserAttributes } from './user-attributes.ts';

const UNSAFE_KEY = /^\$|\./;

/**
 * RFC 7643 §2.5: null, "" and [] are all "unassigned", so they are dropped before storage
 * (this keeps `pr` and `eq null` exact in storage). Keys are checked because MongoDB
 * (and FerretDB) cannot store keys with `.` or a leading `$`.
 */
export function compact(value: unknown, path = ''): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => compact(v, `${path}[${i}]`)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (UNSAFE_KEY.test(key)) {
      throw new AppError('BAD_REQUEST', {
        message: `attribute name '${path}${key}' is not allowed`,
        scimType: 'invalidValue',
      });
    }
    const c = compact(v, `${path}${key}.`);
    if (c !== undefined) out[key] = c;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The stored form of a user's attributes: compacted, `active` kept for the type only. */
export function cleanUserAttributes(attributes: UserAttributes): UserAttributes {
  const cleaned = (compact(attributes) ?? {}) as Partial<UserAttributes>;
  return { ...cleaned, userName: attributes.userName, active: attributes.active };
}
