import { normaliseKey } from '@provisio/core';
import type { UserAttributes } from '@provisio/core';

/**
 * A user's emails as a top-level array of normalised values: FerretDB pushes down only
 * top-level equality, so an email lookup on `emailKeys` is index-served where one on
 * `search.emails.value` (inside an array of subdocuments) reads the whole org.
 */
export const emailKeysOf = (emails: UserAttributes['emails']): string[] => [
  ...new Set((emails ?? []).flatMap((e) => (e.value ? [normaliseKey(e.value)] : []))),
];
