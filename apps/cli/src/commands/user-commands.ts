import type { Command } from '../command.ts';
import { json, requireString } from '../command.ts';

const id = { type: 'string', description: 'user id (or give it as the argument)' } as const;

type InviteView = {
  state: string;
  sentAt: string | null;
  expiresAt: string | null;
  acceptedAt: string | null;
  failedReason: string | null;
};
const describe = (invite: InviteView) =>
  [
    `invite ${invite.state}`,
    invite.sentAt && `sent ${invite.sentAt}`,
    invite.expiresAt && `expires ${invite.expiresAt}`,
    invite.acceptedAt && `accepted ${invite.acceptedAt}`,
    invite.failedReason && `failed: ${invite.failedReason}`,
  ]
    .filter(Boolean)
    .join(', ');

const inviteStatus: Command = {
  path: ['user', 'invite-status'],
  summary: "Show a user's latest invite: pending, sent, accepted, expired or failed",
  example: 'pnpm cli user invite-status 0193…',
  credential: 'org',
  positionals: ['id'],
  options: { id, json },
  async run(client, values) {
    const invite = await client.invites.status.query({ userId: requireString(values, 'id') });
    return { json: invite, lines: [invite ? describe(invite) : 'never invited'] };
  },
};

const resendInvite: Command = {
  path: ['user', 'resend-invite'],
  summary: 'Send a new invite (older links stop working); admin keys only, at most one a minute',
  example: 'pnpm cli user resend-invite 0193…',
  credential: 'org',
  positionals: ['id'],
  options: { id, json },
  async run(client, values) {
    const invite = await client.invites.resend.mutate({ userId: requireString(values, 'id') });
    return { json: invite, lines: [`Resent: ${describe(invite)}.`] };
  },
};

export const userCommands = [inviteStatus, resendInvite];
