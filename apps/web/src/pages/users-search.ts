const STATUSES = ['invited', 'active', 'deactivated'] as const;
type Status = (typeof STATUSES)[number];

/** A status the users page filters by, or '' for all. */
export const statusFrom = (value: unknown): Status | '' => STATUSES.find((s) => s === value) ?? '';

export type UsersSearch = { q?: string; status?: Status; page?: number };

/** The users page's URL search params (`/users?q=ada&status=invited&page=2`), as the router reads them: anything else is dropped. */
export function usersSearch(search: Record<string, unknown>): UsersSearch {
  const { q, status, page } = search;
  const choice = statusFrom(status);
  return {
    ...(typeof q === 'string' && q ? { q } : {}),
    ...(choice ? { status: choice } : {}),
    ...(typeof page === 'number' && Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}
