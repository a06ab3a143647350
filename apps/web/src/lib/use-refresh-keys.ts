import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';

/** What a key or service-account change can alter on screen: key lists, SCIM warnings, account lists (tRPC's typed filters). */
export function useRefreshKeys(): () => Promise<unknown> {
  const trpc = useTRPC();
  const client = useQueryClient();
  return () =>
    Promise.all(
      [trpc.keys.pathFilter(), trpc.org.scimStatus.queryFilter(), trpc.serviceAccounts.pathFilter()].map((filter) =>
        client.invalidateQueries(filter),
      ),
    );
}
