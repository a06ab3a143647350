import type { MailMessage } from '../mailer.ts';
import { escapeHtml } from './escape-html.ts';

export type WebhookDisabledEmailInput = {
  to: string;
  recipientName: string;
  orgName: string;
  /** The endpoint's URL (the admin's own setting, shown so they know which one). */
  url: string;
  reason: string;
  /** The web app's webhooks page. */
  manageUrl: string;
};

/** The alert: an endpoint failed for the whole retry window and was turned off; its events wait for it. */
export function webhookDisabledEmail(input: WebhookDisabledEmailInput): MailMessage {
  const { to, recipientName, orgName, url, reason, manageUrl } = input;
  const steps = [
    `Check the receiver at ${url}: it must answer 2xx within 10 seconds.`,
    `Send a test ping and look at the delivery log: ${manageUrl} (or pnpm cli webhooks deliveries).`,
    'Turn the endpoint on again: the events it missed are delivered in order, from the one that failed.',
  ];
  const text = [
    `Hello ${recipientName},`,
    '',
    `A webhook endpoint of ${orgName} was turned off: ${reason}.`,
    '',
    'What to do:',
    ...steps.map((s, i) => `${i + 1}. ${s}`),
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(recipientName)},</p>
<p><strong>A webhook endpoint of ${escapeHtml(orgName)} was turned off:</strong> ${escapeHtml(reason)}.</p>
<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
</body></html>`;
  return { to, subject: `[${orgName}] Webhook endpoint turned off`, text, html };
}
