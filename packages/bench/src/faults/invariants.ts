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

export type MailCheck = { users: number; mails: number; missing: number; duplicated: number };

/** Exactly one mail per created user: how many have none, how many more than one. */
export function checkMails(cluster: Cluster, created: CreatedUsers): MailCheck {
  let missing = 0;
  let duplicated = 0;
  for (const to of created.keys()) {
    const n = cluster.smtp.received.get(to) ?? 0;
    if (n === 0) missing++;
    if (n > 1) duplicated++;
  }
  return { users: created.size, mails: cluster.smtp.mails(), missing, duplicated };
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
