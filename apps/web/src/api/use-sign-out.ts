import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery, signOut } from './session.ts';

/** Drops every cached query but the session (tRPC's and the org list), then the session itself: the next screen is sign-in. */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQuery.queryKey[0] });
  client.setQueryData(sessionQuery.queryKey, null);
}

/** Sign-out that forgets the session only once the server ended it; a failure stays on screen (`error`). */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({ mutationFn: signOut, onSuccess: () => forgetSession(client) });
}
