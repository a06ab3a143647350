import type { InviteRepository } from '../invites/invite-ports.ts';
import type { InviteRecord } from '../invites/invite-record.ts';

/** A pending invite row as `insertNext` stores it; tests override what they need. */
export function inviteRow(fields: Partial<InviteRecord> & Pick<InviteRecord, 'id' | 'userId'>): InviteRecord {
  const at = fields.createdAt ?? new Date('2026-01-01T00:00:00Z');
  return {
    orgId: 'o',
    version: 1,
    state: 'pending',
    tokenHash: null,
    expiresAt: null,
    dispatch: 1,
    claims: 0,
    dispatchedAt: at,
    claimedAt: null,
    sentAt: null,
    acceptedAt: null,
    failedReason: null,
    lastError: null,
    createdAt: at,
    ...fields,
  };
}

/**
 * The invite transitions the core rules use, in memory, with the same conditions as the
 * database repository (each transition only from the state it names), so a rule that
 * skips a state or reuses a token fails here as it would there.
 */
export function memoryInvites(rows: InviteRecord[] = []) {
  const find = (id: string) => rows.find((r) => r.id === id);
  const update = (id: string, when: (r: InviteRecord) => boolean, change: Partial<InviteRecord>) => {
    const row = find(id);
    if (!row || !when(row)) return null;
    Object.assign(row, change);
    return { ...row };
  };
  const repository: Partial<InviteRepository> = {
    insertNext: (orgId, { id, userId, now }) => {
      const version = rows.filter((r) => r.userId === userId).length + 1;
      for (const older of rows)
        if (older.userId === userId && ['pending', 'sending', 'sent'].includes(older.state)) older.state = 'superseded';
      const row = inviteRow({ id, orgId, userId, version, dispatchedAt: now, createdAt: now });
      rows.push(row);
      return Promise.resolve({ ...row });
    },
    markUndispatched: (_orgId, id) => Promise.resolve(void update(id, () => true, { dispatchedAt: null })),
    deleteForUser: (_orgId, userId) => {
      for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.userId === userId) rows.splice(i, 1);
      return Promise.resolve();
    },
    findById: (_orgId, id) => {
      const row = find(id);
      return Promise.resolve(row ? { ...row } : null);
    },
    findByTokenHash: (tokenHash) => Promise.resolve(rows.find((r) => r.tokenHash === tokenHash) ?? null),
    latestForUser: (_orgId, userId) =>
      Promise.resolve(
        rows
          .filter((r) => r.userId === userId)
          .sort((a, b) => a.version - b.version)
          .at(-1) ?? null,
      ),
    claim: (_orgId, id, { tokenHash, expiresAt, now, staleBefore }) =>
      Promise.resolve(
        update(id, (r) => r.state === 'pending' || (r.state === 'sending' && (r.claimedAt ?? now) < staleBefore), {
          state: 'sending',
          tokenHash,
          expiresAt,
          claimedAt: now,
        }),
      ),
    markSent: (_orgId, id, tokenHash, now) =>
      Promise.resolve(
        update(id, (r) => r.state === 'sending' && r.tokenHash === tokenHash, { state: 'sent', sentAt: now }) !== null,
      ),
    release: (_orgId, id, tokenHash, error) =>
      Promise.resolve(
        void update(id, (r) => r.state === 'sending' && r.tokenHash === tokenHash, {
          state: 'pending',
          lastError: error,
        }),
      ),
    markFailed: (_orgId, id, reason) =>
      Promise.resolve(void update(id, () => true, { state: 'failed', failedReason: reason })),
    accept: (tokenHash, now) => {
      const row = rows.find((r) => r.tokenHash === tokenHash);
      if (!row) return Promise.resolve(null);
      return Promise.resolve(
        update(row.id, (r) => r.state === 'sent' && (r.expiresAt ?? now) > now, { state: 'accepted', acceptedAt: now }),
      );
    },
    findStuck: ({ pendingBefore, claimBefore }, limit) =>
      Promise.resolve(
        rows
          .filter(
            (r) =>
              (r.state === 'pending' && (r.dispatchedAt === null || r.dispatchedAt < pendingBefore)) ||
              (r.state === 'sending' && r.claimedAt !== null && r.claimedAt < claimBefore),
          )
          .slice(0, limit)
          .map((r) => ({ ...r })),
      ),
    bumpDispatch: (_orgId, id, dispatch, now) =>
      Promise.resolve(
        update(id, (r) => r.dispatch === dispatch, { dispatch: dispatch + 1, dispatchedAt: now }) !== null,
      ),
  };
  return { rows, invites: repository as InviteRepository };
}
