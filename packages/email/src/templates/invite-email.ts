import type { MailMessage } from '../mailer.ts';
import { escapeHtml } from './escape-html.ts';

export type InviteEmailInput = {
  to: string;
  recipientName: string;
  orgName: string;
  link: string;
  expiresAt: Date;
};

/** The invite: who invited you, the link, and when it stops working. */
export function inviteEmail({ to, recipientName, orgName, link, expiresAt }: InviteEmailInput): MailMessage {
  const until = expiresAt.toUTCString();
  const text = [
    `Hello ${recipientName},`,
    '',
    `You have been invited to ${orgName}. Open this link to set up your account:`,
    '',
    link,
    '',
    `The link works until ${until}. If it has expired, ask an admin of ${orgName} to resend your invite.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(recipientName)},</p>
<p>You have been invited to <strong>${escapeHtml(orgName)}</strong>.</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#2451b7;color:#fff;text-decoration:none;border-radius:6px">Set up your account</a></p>
<p>Or paste this link into your browser:<br><code>${escapeHtml(link)}</code></p>
<p>The link works until ${escapeHtml(until)}. If it has expired, ask an admin of ${escapeHtml(orgName)} to resend your invite.</p>
</body></html>`;
  return { to, subject: `You're invited to ${orgName}`, text, html };
}
