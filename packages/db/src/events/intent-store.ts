import type { Model } from 'mongoose';
import type { DeleteBatch } from '../writes/delete-batch.ts';

/** An intent as core declares them (UserEventIntent, GroupEventIntent): `id` and `at` are stored as `_id` and a date. */
type Intent = { id: string; orgId: string; at: string };
type IntentDoc<I extends Intent> = Omit<I, 'id' | 'at'> & { _id: string; at: Date };

/** The store of open intents of one collection (core UserEventIntentStore, GroupEventIntentStore). `closes`: the batch `closeSoon` adds to. */
export function createIntentStore<I extends Intent>(model: Model<IntentDoc<I>>, closes: DeleteBatch) {
  const toIntent = ({ _id, at, ...rest }: IntentDoc<I>) => ({ id: _id, at: at.toISOString(), ...rest }) as unknown as I;
  return {
    async open({ id, at, ...rest }: I): Promise<void> {
      await model.collection.insertOne({ _id: id, at: new Date(at), ...rest } as never);
    },
    async close(orgId: string, id: string): Promise<void> {
      await model.deleteOne({ _id: id, orgId } as never);
    },
    closeSoon(orgId: string, id: string): void {
      closes.delete({ _id: id, orgId });
    },
    async listBefore(before: string, limit: number): Promise<I[]> {
      const docs = await model
        .find({ _id: { $lt: before } } as never)
        .sort({ _id: 1 })
        .limit(limit)
        .lean<IntentDoc<I>[]>();
      return docs.map(toIntent);
    },
  };
}
