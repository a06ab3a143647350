import type { NewUser } from '@provisio/core';
import { emailKeysOf } from './email-keys.ts';
import { extensionKeysOf } from './extension-keys.ts';
import { searchKeysOf } from './search-keys.ts';
import type { UserDoc } from './user-model.ts';

/**
 * Bump when what `userKeysOf` derives changes: the worker's backfill then brings every stored
 * user to the new keys (see migrations/backfill-user-keys.ts).
 */
export const USER_KEYS_VERSION = 3;

/** The top-level lookup keys every user write stores, derived from the attributes only. */
export function userKeysOf(
  attributes: NewUser['attributes'],
): Pick<UserDoc, 'emailKeys' | 'searchKeys'> & { extKeys: string[] } {
  return {
    emailKeys: emailKeysOf(attributes.emails),
    searchKeys: searchKeysOf(attributes),
    extKeys: extensionKeysOf(attributes.extensions),
  };
}
