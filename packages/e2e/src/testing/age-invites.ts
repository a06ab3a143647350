import type { Db as MongoDb, Filter } from 'mongodb';

type StoredInvite = { _id: string; orgId: string; userId: string; createdAt: Date; expiresAt: Date | null };

/**
 * As if `ms` had passed since the matching invites were issued (and sent): another
 * process's clock cannot be moved, so their stored timestamps move back instead.
 */
export async function ageInvites(db: MongoDb, filter: Filter<StoredInvite>, ms: number) {
  const invites = db.collection<StoredInvite>('invites');
  for (const invite of await invites.find(filter).toArray()) {
    const createdAt = new Date(invite.createdAt.getTime() - ms);
    const expiresAt = invite.expiresAt ? new Date(invite.expiresAt.getTime() - ms) : null;
    await invites.updateOne({ _id: invite._id }, { $set: { createdAt, expiresAt } });
  }
}
