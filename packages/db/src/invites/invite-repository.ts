import type { InviteRecord, InviteRepository } from '@provisio/core/invites';
import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { findAnyOf } from '../filter/find-any-of.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';
import { reviseDocument } from '../versioning/revise-document.ts';
import type { InviteDoc } from './invite-model.ts';

const LIVE: readonly InviteRecord['state'][] = ['pending', 'sending', 'sent'];
const DUPLICATE_KEY = 11000;

const toInvite = ({ _id, rev: _rev, ...rest }: InviteDoc): InviteRecord => ({ id: _id, ...rest });

/**
 * Invites over mongoose. Every change of an existing invite goes through `reviseDocument`:
 * one writer per revision, deciding from the invite as it is, so a transition that must
 * happen once (claim, send mark, accept, re-dispatch) happens once and no concurrent
 * change of another field is lost.
 */
export function createInviteRepository(
  model: Model<InviteDoc>,
  vc: VersionClaims,
  reads: { sql?: SqlReads } = {},
): InviteRepository {
  const read = async (filter: Record<string, unknown>) => {
    const doc = await model.findOne(filter).lean<InviteDoc>();
    return doc ? toInvite(doc) : null;
  };
  const revise = async (
    orgId: string,
    id: string,
    now: Date,
    change: (current: InviteRecord) => Partial<InviteRecord> | null,
  ) => {
    const doc = await reviseDocument(model, vc, { kind: 'invite', orgId, id, now }, (current) =>
      change(toInvite(current)),
    );
    return doc ? toInvite(doc) : null;
  };

  return {
    async insertNext(orgId, { id, userId, now, firstForUser = false }) {
      for (let attempt = 0; ; attempt++) {
        // A new user's first invite skips the read (2 round trips saved on POST /Users); the unique version catches a guess gone wrong.
        const guessFirst = firstForUser && attempt === 0;
        const latest = guessFirst
          ? null
          : await model.findOne({ orgId, userId }).sort({ version: -1 }).select({ version: 1 }).lean();
        const version = (latest?.version ?? 0) + 1;
        try {
          const doc = await model.create({
            _id: id,
            orgId,
            userId,
            version,
            state: 'pending',
            createdAt: now,
            dispatchedAt: now,
          });
          if (guessFirst) return toInvite(doc.toObject());
          // Older live links stop working once the new version exists.
          const older = await model
            .find({ orgId, userId, version: { $lt: version }, state: { $in: LIVE } }, { _id: 1 })
            .lean<Array<{ _id: string }>>();
          for (const { _id } of older)
            await revise(orgId, _id, now, (current) => (LIVE.includes(current.state) ? { state: 'superseded' } : null));
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
    async latestForUsers(orgId, userIds) {
      const latest = new Map<string, InviteRecord>();
      if (!userIds.length) return latest;
      // A user has a handful of versions at most; read by user, never the org's invites.
      const docs = await findAnyOf(model, { where: { orgId }, field: 'userId', values: userIds }, reads.sql);
      for (const doc of docs) {
        if ((latest.get(doc.userId)?.version ?? 0) < doc.version) latest.set(doc.userId, toInvite(doc));
      }
      return latest;
    },
    countCreatedSince: (orgId, userId, since) => model.countDocuments({ orgId, userId, createdAt: { $gte: since } }),
    async markUndispatched(orgId, id, now) {
      await revise(orgId, id, now, (current) =>
        current.state === 'pending' && current.dispatch === 0 ? { dispatchedAt: null } : null,
      );
    },
    claim(orgId, id, { tokenHash, expiresAt, now, staleBefore }) {
      return revise(orgId, id, now, (current) => {
        const claimable =
          current.state === 'pending' || (current.state === 'sending' && (current.claimedAt ?? now) < staleBefore);
        return claimable
          ? { state: 'sending', claims: current.claims + 1, tokenHash, expiresAt, claimedAt: now }
          : null;
      });
    },
    async markSent(orgId, id, tokenHash, now) {
      const sent = await revise(orgId, id, now, (current) =>
        current.state === 'sending' && current.tokenHash === tokenHash
          ? { state: 'sent', sentAt: now, lastError: null }
          : null,
      );
      return sent !== null;
    },
    async release(orgId, id, tokenHash, error) {
      await revise(orgId, id, new Date(), (current) =>
        current.state === 'sending' && current.tokenHash === tokenHash
          ? { state: 'pending', tokenHash: null, expiresAt: null, lastError: error }
          : null,
      );
    },
    async markFailed(orgId, id, reason) {
      await revise(orgId, id, new Date(), (current) =>
        current.state === 'pending' || current.state === 'sending'
          ? { state: 'failed', failedReason: reason, tokenHash: null }
          : null,
      );
    },
    async accept(tokenHash, now) {
      const invite = await read({ tokenHash, state: 'sent', expiresAt: { $gt: now } });
      if (!invite) return null;
      return revise(invite.orgId, invite.id, now, (current) =>
        current.state === 'sent' &&
        current.tokenHash === tokenHash &&
        current.expiresAt !== null &&
        current.expiresAt > now
          ? { state: 'accepted', acceptedAt: now }
          : null,
      );
    },
    async findStuck({ pendingBefore, claimBefore }, limit) {
      // One query per state, each led by a top-level equality that FerretDB serves from the
      // index: a top-level `$or` made it read every invite ever sent, on every sweep of every worker.
      const stuck = (filter: Record<string, unknown>) =>
        model.find(filter).sort({ _id: 1 }).limit(limit).lean<InviteDoc[]>();
      const [pending, sending] = await Promise.all([
        stuck({ state: 'pending', $or: [{ dispatchedAt: null }, { dispatchedAt: { $lt: pendingBefore } }] }),
        stuck({ state: 'sending', claimedAt: { $lt: claimBefore } }),
      ]);
      return [...pending, ...sending]
        .sort((a, b) => (a._id < b._id ? -1 : 1))
        .slice(0, limit)
        .map(toInvite);
    },
    async bumpDispatch(orgId, id, dispatch, now) {
      const bumped = await revise(orgId, id, now, (current) =>
        current.dispatch === dispatch ? { dispatch: dispatch + 1, dispatchedAt: now } : null,
      );
      return bumped !== null;
    },
    async deleteForUser(orgId, userId) {
      await model.deleteMany({ orgId, userId });
    },
  };
}
