import type { MailMessage } from '../mailer.ts';
import { escapeHtml } from './escape-html.ts';

export type BrakeEngagedEmailInput = {
  to: string;
  recipientName: string;
  orgName: string;
  brakedAt: Date;
  /** Where the admin reviews the held users: the web app's brake page. */
  reviewUrl: string;
};

/** The alert: the IdP deprovisioned too many users too fast, deprovisioning is paused until an admin decides. */
export function brakeEngagedEmail(input: BrakeEngagedEmailInput): MailMessage {
  const { to, recipientName, orgName, reviewUrl } = input;
  const when = input.brakedAt.toUTCString();
  const steps = [
    `Review the users your identity provider tried to deactivate or delete: ${reviewUrl} (or pnpm cli brake held).`,
    'If they should go, release the brake (the page, or pnpm cli brake release): the identity provider retries and they are deprovisioned.',
    'If not, keep the brake on and fix the assignment rule in your identity provider; nothing further is deprovisioned meanwhile.',
  ];
  const text = [
    `Hello ${recipientName},`,
    '',
    `At ${when} the mass-deprovision brake of ${orgName} engaged: your identity provider deactivated or deleted more users within 10 minutes than the org's threshold allows.`,
    'Further deactivations and deletions over SCIM are held (answered 429, so the identity provider retries later); everything else goes on.',
    '',
    'What to do:',
    ...steps.map((s, i) => `${i + 1}. ${s}`),
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(recipientName)},</p>
<p><strong>At ${escapeHtml(when)} the mass-deprovision brake of ${escapeHtml(orgName)} engaged:</strong> your identity provider deactivated or deleted more users within 10 minutes than the org's threshold allows.</p>
<p>Further deactivations and deletions over SCIM are held (answered 429, so the identity provider retries later); everything else goes on.</p>
<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
</body></html>`;
  return { to, subject: `[${orgName}] Deprovisioning paused: an admin must confirm`, text, html };
}
