import { useQueries, useQuery } from '@tanstack/react-query';
import { trpc } from '../api/trpc.ts';
import type { KeyRecord } from '../components/key-table.tsx';
import { displayNameOf } from './user-labels.ts';

/** Names for key owners: service accounts from one list, users one `users.get` each (batched). */
export function useOwnerNames(keys: readonly KeyRecord[]): Map<string, string> {
  const accounts = useQuery({ queryKey: ['service-accounts'], queryFn: () => trpc.serviceAccounts.list.query() });
  const userIds = [...new Set(keys.filter((k) => k.ownerType === 'user').map((k) => k.ownerId))];
  const users = useQueries({ queries: userIds.map((id) => ({ queryKey: ['user', id], queryFn: () => trpc.users.get.query({ id }), retry: false })) });
  const names = new Map<string, string>();
  for (const account of accounts.data?.items ?? []) names.set(account.id, account.name);
  for (const user of users) if (user.data) names.set(user.data.id, displayNameOf(user.data));
  return names;
}
