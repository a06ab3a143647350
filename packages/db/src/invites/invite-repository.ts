import type { InviteRecord, InviteRepository } from '@provisio/core/invites';
import type { Model } from 'mongoose';
import type { Claims } from '../claims/claims.ts';
import type { InviteDoc } from './invite-model.ts';

const toInvite = ({ _id, ...rest }: InviteDoc): InviteRecord => ({ id: _id, ...rest });
const LIVE = ['pending', 'sending', 'sent'] as const;
const DUPLICATE_KEY = 11000;
/** A winner that has not written its transition within this time is presumed crashed. */
const CLAIM_STALE_MS = 30_000;

/**
 * Invites over mongoose. Each transition that must happen once (claim, accept, re-dispatch)
 * is decided by a unique-key claim, then written; see `createClaims` for why.
 */
export function createInviteRepository(model: Model<InviteDoc>, claims: Claims): InviteRepository {
  const read = async (filter: Record<string, unknown>) => {
    const doc = await model.findOne(filter).lean<InviteDoc>();
    return doc ? toInvite(doc) : null;
  };
  const write = async (orgId: string, id: string, update: Partial<InviteDoc>) => {
    const doc = await model.findOneAndUpdate({ _id: id, orgId }, { $set: update }, { returnDocument: 'after' }).lean<InviteDoc>();
    return doc ? toInvite(doc) : null;
  };
  const once = (key: string, now: Date) => claims.take(key, { now, staleAfterMs: CLAIM_STALE_MS });

  return {
    async insertNext(orgId, { id, userId, now }) {
      for (let attempt = 0; ; attempt++) {
        const latest = await model.findOne({ orgId, userId }).sort({ version: -1 }).select({ version: 1 }).lean();
        const version = (latest?.version ?? 0) + 1;
        try {
          const doc = await model.create({ _id: id, orgId, userId, version, state: 'pending', createdAt: now });
          // Older live links stop working once the new version exists.
          await model.updateMany({ orgId, userId, version: { $lt: version }, state: { $in: LIVE } }, { $set: { state: 'superseded' } });
          return toInvite(doc.toObject());
        } catch (error) {
          if ((error as { code?: number }).code !== DUPLICATE_KEY || attempt >= 5) throw error;
        }
      }
    },
    findById: (orgId, id) => read({ _id: id, orgId }),
    findByTokenHash: (tokenHash) => read({ tokenHash }),
    latestForUser: async (orgId, userId) => {
      const doc = await model.findOne({ orgId, userId }).sort({ version: -1 }).lean<InviteDoc>();
      return doc ? toInvite(doc) : null;
    },
    countCreatedSince: (orgId, userId, since) => model.countDocuments({ orgId, userId, createdAt: { $gte: since } }),
    async markDispatched(orgId, id, now) {
      await model.updateOne({ _id: id, orgId }, { $set: { dispatchedAt: now } });
    },
    async claim(orgId, id, { tokenHash, expiresAt, now, staleBefore }) {
      const invite = await read({ _id: id, orgId });
      const claimable = invite?.state === 'pending' || (invite?.state === 'sending' && (invite.claimedAt ?? now) < staleBefore);
      if (!invite || !claimable) return null;
      const n = invite.claims + 1;
      if (!(await once(`invite:${id}:claim:${n}`, now))) return null;
      return write(orgId, id, { state: 'sending', claims: n, tokenHash, expiresAt, claimedAt: now });
    },
    async markSent(orgId, id, tokenHash, now) {
      const invite = await read({ _id: id, orgId, state: 'sending', tokenHash });
      return invite !== null && (await write(orgId, id, { state: 'sent', sentAt: now, lastError: null })) !== null;
    },
    async release(orgId, id, tokenHash, error) {
      if (await read({ _id: id, orgId, state: 'sending', tokenHash })) {
        await write(orgId, id, { state: 'pending', tokenHash: null, expiresAt: null, lastError: error });
      }
    },
    async markFailed(orgId, id, reason) {
      await model.updateOne({ _id: id, orgId, state: { $in: ['pending', 'sending'] } }, { $set: { state: 'failed', failedReason: reason, tokenHash: null } });
    },
    async accept(tokenHash, now) {
      const invite = await read({ tokenHash, state: 'sent', expiresAt: { $gt: now } });
      if (!invite || !(await once(`invite:${invite.id}:accept`, now))) return null;
      return write(invite.orgId, invite.id, { state: 'accepted', acceptedAt: now });
    },
    async findStuck({ pendingBefore, claimBefore }, limit) {
      const docs = await model
        .find({
          $or: [
            { state: 'pending', $or: [{ dispatchedAt: null }, { dispatchedAt: { $lt: pendingBefore } }] },
            { state: 'sending', claimedAt: { $lt: claimBefore } },
          ],
        })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<InviteDoc[]>();
      return docs.map(toInvite);
    },
    async bumpDispatch(orgId, id, dispatch, now) {
      if (!(await once(`invite:${id}:dispatch:${dispatch + 1}`, now))) return false;
      return (await write(orgId, id, { dispatch: dispatch + 1, dispatchedAt: now })) !== null;
    },
    async deleteForUser(orgId, userId) {
      await model.deleteMany({ orgId, userId });
    },
  };
}
