import type { KeyRecord } from './key-record.ts';
import type { KeyRepository } from './key-repository.ts';

export type ListKeysOptions = { orgId: string; ownerId?: string; includeRevoked?: boolean };

/** Keys of the org, newest first; secrets are never part of a record. */
export const listKeys = (deps: { keys: KeyRepository }, { orgId, ...filter }: ListKeysOptions): Promise<KeyRecord[]> =>
  deps.keys.list(orgId, filter);
