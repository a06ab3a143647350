import type { Outputs } from '../api/trpc.ts';
import { formatDate, fromNow } from '../lib/format.ts';
import { Badge } from './badge.tsx';

export type InviteStatus = Outputs['invites']['status'];

/** "Sent · expires in 2 days", "Expired 3 hours ago", "Failed: …". */
export function InviteState({ invite }: { invite: InviteStatus | undefined }) {
  if (invite === undefined) return <span className="muted">…</span>;
  if (invite === null) return <span className="muted">No invite</span>;
  const detail =
    invite.state === 'sent'
      ? `expires ${fromNow(invite.expiresAt)}`
      : invite.state === 'expired'
        ? `expired ${fromNow(invite.expiresAt)}`
        : invite.state === 'accepted'
          ? fromNow(invite.acceptedAt, { past: true })
          : invite.state === 'failed'
            ? (invite.failedReason ?? '')
            : invite.lastError
              ? `retrying: ${invite.lastError}`
              : 'queued';
  return (
    <span className="invite-state" title={invite.expiresAt ? `Expires ${formatDate(invite.expiresAt)}` : undefined}>
      <Badge value={invite.state} /> <span className="muted small">{detail}</span>
    </span>
  );
}
