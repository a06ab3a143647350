import { AppError } from '../errors/app-error.ts';
import type { OrgAttribute } from './org-schema-definition.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';

/** Hidden attributes still hold values, so they count too, up to twice the visible bound. */
export const MAX_KNOWN_ATTRIBUTES = 100;

const lower = (s: string) => s.toLowerCase();

/**
 * What must hold across the org's active schemas: no URN is another's prefix (a path
 * `urn:a:b:c:x` would be ambiguous between `urn:a:b` and `urn:a:b:c`), and an attribute name
 * belongs to one schema only (an unqualified `costCode` must resolve to one place).
 */
export function assertFitsOrg(
  others: readonly OrgSchemaRecord[],
  candidate: { urn: string; attributes: readonly OrgAttribute[] },
): void {
  const urn = lower(candidate.urn);
  for (const other of others) {
    const theirs = lower(other.urn);
    if (theirs === urn)
      throw new AppError('CONFLICT', { message: `${candidate.urn} is already registered`, scimType: 'uniqueness' });
    if (theirs.startsWith(`${urn}:`) || urn.startsWith(`${theirs}:`))
      throw new AppError('BAD_REQUEST', {
        message: `${candidate.urn} and ${other.urn} would make attribute paths ambiguous (one is a prefix of the other)`,
        scimType: 'invalidValue',
      });
    const names = new Set(other.attributes.map((a) => lower(a.name)));
    const clash = candidate.attributes.find((a) => names.has(lower(a.name)));
    if (clash)
      throw new AppError('BAD_REQUEST', {
        message: `'${clash.name}' is already an attribute of ${other.urn}; unqualified paths must name one attribute`,
        scimType: 'invalidValue',
      });
  }
}
