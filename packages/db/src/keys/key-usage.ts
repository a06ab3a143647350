import { KEY_USE_FIELDS, KEY_USE_INTERVAL_MS } from '@provisio/core/keys';
import type { KeyUseField } from '@provisio/core/keys';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../errors/is-duplicate-key.ts';
import { keyUsageId } from './key-usage-model.ts';
import type { KeyUsageDoc } from './key-usage-model.ts';

/** Bound on the per-process memory of recent stamps (cleared when full: at worst a few extra writes). */
const MAX_REMEMBERED = 10_000;

export type KeyUses = Partial<Record<KeyUseField, Date>>;

/**
 * Last-use stamps in `key_usage`: a plain `$max` upsert, no claim, no read of the key,
 * written at most once per interval per key and field by this process (the one throttle).
 */
export function createKeyUsage(model: Model<KeyUsageDoc>) {
  const lastWritten = new Map<string, number>();
  return {
    async note(orgId: string, keyId: string, field: KeyUseField, now: Date): Promise<void> {
      const id = keyUsageId(keyId, field);
      if (now.getTime() - (lastWritten.get(id) ?? Number.NEGATIVE_INFINITY) < KEY_USE_INTERVAL_MS) return;
      if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
      lastWritten.set(id, now.getTime());
      try {
        await model.updateOne(
          { _id: id, orgId },
          { $max: { at: now }, $setOnInsert: { keyId, field } },
          { upsert: true },
        );
      } catch (error) {
        // Two first stamps raced to insert: the other one landed, at about the same time.
        if (isDuplicateKey(error)) return;
        lastWritten.delete(id);
        throw error;
      }
    },
    /** The stamps of `keyIds` (one query for a whole listing). */
    async of(orgId: string, keyIds: readonly string[]): Promise<Map<string, KeyUses>> {
      const uses = new Map<string, KeyUses>();
      if (!keyIds.length) return uses;
      const ids = keyIds.flatMap((keyId) => KEY_USE_FIELDS.map((field) => keyUsageId(keyId, field)));
      for (const doc of await model.find({ orgId, _id: { $in: ids } }).lean<KeyUsageDoc[]>()) {
        uses.set(doc.keyId, { ...uses.get(doc.keyId), [doc.field]: doc.at });
      }
      return uses;
    },
  };
}

export type KeyUsage = ReturnType<typeof createKeyUsage>;
