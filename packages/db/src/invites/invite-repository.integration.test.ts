import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing.ts';
import { createInviteRepository } from './invite-repository.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let repo: ReturnType<typeof createInviteRepository>;
const orgId = 'org-1';
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  db = await createTestDb();
  repo = createInviteRepository(db.models.invites, db.versionClaims);
});
afterAll(() => db.drop());

describe('invite repository on FerretDB', () => {
  // FerretDB 1.x applies an update by rewriting the whole document, so two writers of
  // different fields can erase each other's change. A server undoing a dispatch mark (its
  // enqueue timed out, though the job got through) may race the worker claiming the invite,
  // and the sweep may bump a dispatch beside a send: every change must survive.
  it('keeps a claim and a concurrent dispatch mark, and a sweep bump beside a send', async () => {
    const invites = await Promise.all(
      Array.from({ length: 40 }, () => repo.insertNext(orgId, { id: uuidV7(), userId: randomUUID(), now: t0 })),
    );
    await Promise.all(
      invites.flatMap((invite) => [
        repo.markUndispatched(orgId, invite.id, at(5)),
        repo.claim(orgId, invite.id, {
          tokenHash: `h-${invite.id}`,
          expiresAt: at(48 * 3600e3),
          now: at(10),
          staleBefore: at(-120e3),
        }),
      ]),
    );
    for (const invite of invites) {
      expect(await repo.findById(orgId, invite.id)).toMatchObject({
        state: 'sending',
        claims: 1,
        tokenHash: `h-${invite.id}`,
      });
    }
    await Promise.all(
      invites.flatMap((invite) => [
        repo.markSent(orgId, invite.id, `h-${invite.id}`, at(20)),
        repo.bumpDispatch(orgId, invite.id, 0, at(21)),
      ]),
    );
    for (const invite of invites) {
      expect(await repo.findById(orgId, invite.id)).toMatchObject({
        state: 'sent',
        sentAt: at(20),
        dispatch: 1,
        dispatchedAt: at(21),
      });
    }
  });

  it('versions invites per user and supersedes older live ones', async () => {
    const userId = randomUUID();
    const first = await repo.insertNext(orgId, { id: uuidV7(), userId, now: t0 });
    const second = await repo.insertNext(orgId, { id: uuidV7(), userId, now: at(1) });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect((await repo.findById(orgId, first.id))?.state).toBe('superseded');
    expect((await repo.latestForUser(orgId, userId))?.id).toBe(second.id);
    expect(await repo.countCreatedSince(orgId, userId, t0)).toBe(2);
  });

  it("stores a new user's first invite as version 1, and a wrong guess of first falls back to versioning and superseding", async () => {
    const userId = randomUUID();
    const first = await repo.insertNext(orgId, { id: uuidV7(), userId, now: t0, firstForUser: true });
    expect(first.version).toBe(1);
    const guessedWrong = await repo.insertNext(orgId, { id: uuidV7(), userId, now: at(1), firstForUser: true });
    expect(guessedWrong.version).toBe(2);
    expect((await repo.findById(orgId, first.id))?.state).toBe('superseded');
    expect((await repo.latestForUser(orgId, userId))?.id).toBe(guessedWrong.id);
  });

  it('gives concurrent resends distinct versions', async () => {
    const userId = randomUUID();
    const made = await Promise.all(
      Array.from({ length: 5 }, () => repo.insertNext(orgId, { id: uuidV7(), userId, now: t0 })),
    );
    expect(new Set(made.map((i) => i.version)).size).toBe(5);
  });

  it('lets exactly one of two workers claim, and only the claim holder mark it sent', async () => {
    const invite = await repo.insertNext(orgId, { id: uuidV7(), userId: randomUUID(), now: t0 });
    const claim = (tokenHash: string) =>
      repo.claim(orgId, invite.id, { tokenHash, expiresAt: at(48 * 3600e3), now: at(10), staleBefore: at(-120e3) });
    const results = await Promise.all([claim('a'), claim('b')]);
    const winners = results.filter(Boolean);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.tokenHash ?? '';
    const loser = winner === 'a' ? 'b' : 'a';
    expect(await repo.markSent(orgId, invite.id, loser, at(20))).toBe(false);
    expect(await repo.markSent(orgId, invite.id, winner, at(20))).toBe(true);
    expect((await repo.findById(orgId, invite.id))?.state).toBe('sent');
  });

  it('re-grants a claim only once it is stale', async () => {
    const invite = await repo.insertNext(orgId, { id: uuidV7(), userId: randomUUID(), now: t0 });
    const claim = (now: Date) =>
      repo.claim(orgId, invite.id, {
        tokenHash: String(now.getTime()),
        expiresAt: at(1e9),
        now,
        staleBefore: new Date(now.getTime() - 120e3),
      });
    expect(await claim(at(0))).not.toBeNull();
    expect(await claim(at(60e3))).toBeNull();
    expect(await claim(at(121e3))).not.toBeNull();
  });

  it('accepts a sent, unexpired token once', async () => {
    const invite = await repo.insertNext(orgId, { id: uuidV7(), userId: randomUUID(), now: t0 });
    await repo.claim(orgId, invite.id, { tokenHash: 'tok', expiresAt: at(1000), now: t0, staleBefore: at(-1) });
    await repo.markSent(orgId, invite.id, 'tok', t0);
    expect(await repo.accept('tok', at(1000))).toBeNull(); // expired at exactly expiresAt
    const [a, b] = await Promise.all([repo.accept('tok', at(10)), repo.accept('tok', at(10))]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await repo.accept('tok', at(20))).toBeNull();
  });

  it('finds stuck invites and lets one sweeper win each re-dispatch', async () => {
    const invite = await repo.insertNext('org-sweep', { id: uuidV7(), userId: randomUUID(), now: t0 });
    const stuck = await repo.findStuck({ pendingBefore: at(60e3), claimBefore: at(0) }, 100);
    expect(stuck.map((i) => i.id)).toContain(invite.id);
    const wins = await Promise.all([
      repo.bumpDispatch('org-sweep', invite.id, 0, at(1)),
      repo.bumpDispatch('org-sweep', invite.id, 0, at(1)),
    ]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    const fresh = await repo.findStuck({ pendingBefore: at(-1), claimBefore: at(-1) }, 100);
    expect(fresh.map((i) => i.id)).not.toContain(invite.id);
  });
});
