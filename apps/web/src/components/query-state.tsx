import { errorMessage } from '../api/trpc.ts';

/** Loading and error states of a query, one look everywhere. */
export function QueryState({ isPending, error, label }: { isPending: boolean; error: unknown; label: string }) {
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <strong className="notice-title">Could not load {label}</strong>
        <div>{errorMessage(error)}</div>
      </div>
    );
  }
  if (isPending)
    return (
      <p className="muted" aria-live="polite">
        Loading {label}…
      </p>
    );
  return null;
}
