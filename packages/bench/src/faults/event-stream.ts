import { createProvisioClient } from '@provisio/client';
import type { SeenEvent } from './stream-check.ts';

/** A live `events.onUserChange` stream on one replica, keeping the events in arrival order. */
export function openEventStream(replicaUrl: string, token: string) {
  const events: SeenEvent[] = [];
  const errors: unknown[] = [];
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const client = createProvisioClient({ url: `${replicaUrl}/trpc`, token });
  const sub = client.events.onUserChange.subscribe(
    { lastEventId: null },
    {
      onStarted: () => markStarted(),
      onData: ({ id, data }) => void events.push({ id, userId: data.userId, version: data.version }),
      onError: (error) => void errors.push(error),
    },
  );
  return { events, errors, started, stop: () => sub.unsubscribe() };
}

/** Admin calls the scenarios make through one replica. */
export function adminClient(replicaUrl: string, adminToken: string) {
  return createProvisioClient({ url: `${replicaUrl}/trpc`, token: adminToken });
}

/** A key of a new service account with `scopes`, created through `replicaUrl`. */
export async function serviceKey(
  replicaUrl: string,
  adminToken: string,
  name: string,
  scopes: ('scim' | 'users:read')[],
) {
  const admin = adminClient(replicaUrl, adminToken);
  const account = await admin.serviceAccounts.create.mutate({ name });
  const created = await admin.keys.create.mutate({ name, ownerType: 'service_account', ownerId: account.id, scopes });
  return { id: created.key.id, token: created.token };
}
