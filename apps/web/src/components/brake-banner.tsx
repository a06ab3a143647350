import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTRPC } from '../api/trpc.ts';
import { formatDate } from '../lib/format.ts';

/** On every page while the org is braked: the IdP's deprovisions wait for an admin. Polled, as the brake engages from SCIM. */
export function BrakeBanner() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.brake.status.queryOptions(), refetchInterval: 30_000 });
  const state = status.data?.state;
  if (!state?.braked) return null;
  return (
    <div className="notice notice-warning brake-banner" role="alert">
      <strong className="notice-title">Deprovisioning is paused by the mass-deprovision brake</strong>
      <div>
        Since {state.brakedAt ? formatDate(state.brakedAt) : 'now'} your identity provider&apos;s deactivations and
        deletions are held. <Link to="/brake">Review the held users</Link> and release the brake, or keep it and fix the
        identity provider.
      </div>
    </div>
  );
}
