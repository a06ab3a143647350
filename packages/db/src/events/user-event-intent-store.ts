import type { UserEventIntent, UserEventIntentStore } from '@provisio/core/events';
import type { Model } from 'mongoose';
import type { UserEventIntentDoc } from './user-event-intent-model.ts';
import type { DeleteBatch } from '../writes/delete-batch.ts';

const toIntent = ({ _id, at, ...rest }: UserEventIntentDoc): UserEventIntent => ({
  id: _id,
  at: at.toISOString(),
  ...rest,
});

/** `closes`: the batch `closeSoon` adds to. */
export function createUserEventIntentStore(
  model: Model<UserEventIntentDoc>,
  closes: DeleteBatch,
): UserEventIntentStore {
  return {
    async open({ id, at, ...rest }) {
      await model.collection.insertOne({ _id: id, at: new Date(at), ...rest } as never);
    },
    async close(orgId, id) {
      await model.deleteOne({ _id: id, orgId });
    },
    closeSoon(orgId, id) {
      closes.delete({ _id: id, orgId });
    },
    async listBefore(before, limit) {
      const docs = await model
        .find({ _id: { $lt: before } })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<UserEventIntentDoc[]>();
      return docs.map(toIntent);
    },
  };
}
