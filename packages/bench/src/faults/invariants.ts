import type { Cluster } from './cluster.ts';
import type { CreatedUsers } from './load.ts';
import { waitUntil } from './wait.ts';

/** Jobs the queue still has to run (waiting, running or due for a retry). */
export async function unfinishedJobs(cluster: Cluster) {
  const counts = await cluster.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Invites still waiting for a send (pending or mid-send). */
export const unsentInvites = (cluster: Cluster) =>
  cluster
    .db()
    .collection('invites')
    .countDocuments({ state: { $in: ['pending', 'sending'] } });

/**
 * Waits until every created user has a mail, no invite waits for a send and the queue is
 * empty (or `timeoutMs` passes); returns the seconds it took (NaN: it never settled).
 */
export async function settle(cluster: Cluster, created: CreatedUsers, timeoutMs: number) {
  const ms = await waitUntil(
    async () =>
      [...created.keys()].every((to) => cluster.smtp.received.has(to)) &&
      (await unsentInvites(cluster)) === 0 &&
      (await unfinishedJobs(cluster)) === 0,
    timeoutMs,
    250,
  );
  return ms / 1000;
}

export type MailCheck = { users: number; mails: number; missing: number; duplicated: number; twice: string[] };

/** Exactly one mail per created user: how many have none, how many more than one. */
export function checkMails(cluster: Cluster, created: CreatedUsers): MailCheck {
  let missing = 0;
  const twice: string[] = [];
  for (const to of created.keys()) {
    const n = cluster.smtp.received.get(to) ?? 0;
    if (n === 0) missing++;
    if (n > 1) twice.push(to);
  }
  return { users: created.size, mails: cluster.smtp.mails(), missing, duplicated: twice.length, twice };
}

/** What the store says of recipients mailed more than once: their users and those users' invites (to find the path). */
export async function describeTwiceMailed(cluster: Cluster, created: CreatedUsers, twice: readonly string[]) {
  const db = cluster.db();
  const lines: string[] = [];
  for (const to of twice) {
    const users = await db
      .collection('users')
      .find({ userName: to }, { projection: { _id: 1, orgId: 1 } })
      .toArray();
    const ids = users.map((u) => String(u._id));
    const orphanOf = created.get(to);
    if (orphanOf && !ids.includes(orphanOf.id)) ids.push(`${orphanOf.id}(created map)`);
    const invites = await db
      .collection('invites')
      .find({ userId: { $in: users.map((u) => String(u._id)) } })
      .toArray();
    const shown = invites.map(
      (i) =>
        `${String(i['userId']).slice(-6)} v${i['version']} ${i['state']} claims=${i['claims']} dispatch=${i['dispatch']} created=${(i['createdAt'] as Date | undefined)?.toISOString()} sent=${(i['sentAt'] as Date | undefined)?.toISOString()}`,
    );
    lines.push(`  twice: ${to} users=${ids.join(',')} invites: ${shown.join(' | ') || 'none'}`);
  }
  return lines;
}

export type StoreCheck = { usersWithoutEvent: number; openIntents: number; sendingInvites: number };

/** Nothing half-written: every user has its `created` event, no write intent is left open, no invite mid-send. */
export async function checkStore(cluster: Cluster): Promise<StoreCheck> {
  const db = cluster.db();
  const userIds = (
    await db
      .collection('users')
      .find({}, { projection: { _id: 1 } })
      .toArray()
  ).map((u) => String(u._id));
  const withEvent = new Set(
    (
      await db
        .collection('user_events')
        .find({ type: 'created' }, { projection: { userId: 1 } })
        .toArray()
    ).map((e) => String(e['userId'])),
  );
  return {
    usersWithoutEvent: userIds.filter((id) => !withEvent.has(id)).length,
    openIntents: await db.collection('user_event_intents').countDocuments({}),
    sendingInvites: await db.collection('invites').countDocuments({ state: 'sending' }),
  };
}
