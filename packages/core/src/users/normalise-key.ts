/**
 * The comparison form of a case-insensitive value (`userName`, group `displayName`, …):
 * NFC then lower case. Stored next to the value under a unique index, because FerretDB
 * has no collation; filters normalise their literal the same way.
 */
export function normaliseKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}
