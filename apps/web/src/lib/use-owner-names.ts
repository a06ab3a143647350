import { useQueries, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';
import type { KeyRecord } from '../components/key-table.tsx';
import { displayNameOf } from './user-labels.ts';

/** Names for key owners: service accounts from one list, users one `users.get` each (batched). */
export function useOwnerNames(keys: readonly KeyRecord[]): Map<string, string> {
  const trpc = useTRPC();
  const accounts = useQuery(trpc.serviceAccounts.list.queryOptions());
  const userIds = [...new Set(keys.filter((k) => k.ownerType === 'user').map((k) => k.ownerId))];
  const users = useQueries({ queries: userIds.map((id) => trpc.users.get.queryOptions({ id }, { retry: false })) });
  const names = new Map<string, string>();
  for (const account of accounts.data?.items ?? []) names.set(account.id, account.name);
  for (const user of users) if (user.data) names.set(user.data.id, displayNameOf(user.data));
  return names;
}
