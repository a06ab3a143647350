import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { signOut } from './session.ts';

/** Drops every cached query but the session, then the session itself: the next screen is sign-in. */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  client.setQueryData(['session'], null);
}

/** Sign-out that forgets the session only once the server ended it; a failure stays on screen (`error`). */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({ mutationFn: signOut, onSuccess: () => forgetSession(client) });
}
