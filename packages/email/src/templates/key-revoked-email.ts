import type { MailMessage } from '../mailer.ts';
import { escapeHtml } from './escape-html.ts';

export type KeyRevokedEmailInput = {
  to: string;
  recipientName: string;
  orgName: string;
  keyName: string;
  keyId: string;
  /** Who owned the key and what happened to them, e.g. "user jane@example.com was deactivated". */
  ownerEvent: string;
  revokedAt: Date;
  /** Where an admin manages service accounts and keys (the CLI or admin UI). */
  scimBaseUrl: string;
};

/** The alert: SCIM provisioning just broke because its key died with its owner, and the fix. */
export function keyRevokedEmail(input: KeyRevokedEmailInput): MailMessage {
  const { to, recipientName, orgName, keyName, keyId, ownerEvent, scimBaseUrl } = input;
  const when = input.revokedAt.toUTCString();
  const steps = [
    'Create a service account dedicated to SCIM (pnpm cli service-account create --name scim-provisioning).',
    "Create an application key with the 'scim' scope for that service account (pnpm cli key create --owner <service account id> --scope scim).",
    `Paste the new key into your identity provider's SCIM settings (Okta "API Token", Entra "Secret Token"); the SCIM base URL stays ${scimBaseUrl}.`,
  ];
  const text = [
    `Hello ${recipientName},`,
    '',
    `SCIM provisioning for ${orgName} has stopped. At ${when} the application key "${keyName}" (${keyId}) was revoked because ${ownerEvent}.`,
    'Your identity provider was using this key in the last 30 days; its requests now fail with 401 until you replace it.',
    '',
    'To fix it:',
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    '',
    'A key owned by a service account is never revoked when a person leaves.',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(recipientName)},</p>
<p><strong>SCIM provisioning for ${escapeHtml(orgName)} has stopped.</strong> At ${escapeHtml(when)} the application key "${escapeHtml(keyName)}" (<code>${escapeHtml(keyId)}</code>) was revoked because ${escapeHtml(ownerEvent)}.</p>
<p>Your identity provider was using this key in the last 30 days; its requests now fail with 401 until you replace it.</p>
<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
<p>A key owned by a service account is never revoked when a person leaves.</p>
</body></html>`;
  return { to, subject: `[${orgName}] SCIM provisioning stopped: its key was revoked`, text, html };
}
