import type { MailMessage } from '../mailer.ts';
import { escapeHtml } from './escape-html.ts';

export type AdminKeyRevokedEmailInput = {
  to: string;
  recipientName: string;
  orgName: string;
  keyName: string;
  keyId: string;
  /** The user who lost the admin role, as admins know them (userName). */
  ownerName: string;
  revokedAt: Date;
};

/** The alert: an `admin` key died because its owner is no longer an admin, and what to do if a tool relied on it. */
export function adminKeyRevokedEmail(input: AdminKeyRevokedEmailInput): MailMessage {
  const { to, recipientName, orgName, keyName, keyId, ownerName } = input;
  const when = input.revokedAt.toUTCString();
  const lines = [
    `At ${when} the admin key "${keyName}" (${keyId}) of ${orgName} was revoked because its owner, ${ownerName}, lost the admin role: a key never holds more rights than its owner.`,
    'Any tool or identity provider using this key now gets 401.',
    'If it is still needed, give it a new key owned by a service account or by a current admin (pnpm cli key create).',
  ];
  const text = [`Hello ${recipientName},`, '', ...lines].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(recipientName)},</p>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
</body></html>`;
  return { to, subject: `[${orgName}] An admin key was revoked: its owner is no longer an admin`, text, html };
}
