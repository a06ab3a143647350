import { escapeHtml } from '@provisio/email';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@provisio/core/invites';
import type { InviteLinkProblem } from '@provisio/core/invites';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}
h1{font-size:1.4rem}label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button,.button{margin-top:1.25rem;padding:.6rem 1rem;font-size:1rem;background:#2451b7;color:#fff;border:0;border-radius:6px;text-decoration:none;display:inline-block;cursor:pointer}
.error{color:#a40e26;background:#fdecee;padding:.5rem .75rem;border-radius:6px}.muted{color:#57606a}`;

/** One page shell: the token is in the URL, so no referrer leaves and nothing is cached. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const LENGTHS = `minlength="${MIN_PASSWORD_LENGTH}" maxlength="${MAX_PASSWORD_LENGTH}"`;

export function acceptForm(
  view: {
    orgId: string;
    orgName: string;
    displayName: string;
    email: string | null;
    ssoEnabled: boolean;
    expiresAt: Date;
  },
  error?: string,
): string {
  if (view.ssoEnabled) return ssoInvitePage(view);
  const who =
    escapeHtml(view.displayName) + (view.email ? ` <span class="muted">(${escapeHtml(view.email)})</span>` : '');
  const problem = error ? `<p class="error" role="alert" id="form-error">${escapeHtml(error)}</p>` : '';
  const fields = view.ssoEnabled
    ? `<p>${escapeHtml(view.orgName)} signs in with single sign-on: accept, then sign in with your company account.</p>`
    : `<label for="password">Choose a password (${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, not your email address)</label>
<input id="password" name="password" type="password" autocomplete="new-password" ${LENGTHS} required ${error ? 'aria-describedby="form-error" autofocus' : 'autofocus'}>
<label for="confirm">Repeat the password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" ${LENGTHS} required>`;
  return page(
    `Join ${view.orgName}`,
    `<h1>Join ${escapeHtml(view.orgName)}</h1><p>You were invited as ${who}.</p>${problem}
<form method="post">${fields}<button type="submit">Accept invite</button></form>
<p class="muted">This link works until ${escapeHtml(view.expiresAt.toUTCString())}.</p>`,
  );
}

/** "SSO required": no password to choose; signing in through the IdP accepts the invite. */
function ssoInvitePage(view: { orgId: string; orgName: string; displayName: string; expiresAt: Date }): string {
  const signIn = `/sso/saml/${encodeURIComponent(view.orgId)}/sign-in`;
  return page(
    `Join ${view.orgName}`,
    `<h1>Join ${escapeHtml(view.orgName)}</h1><p>You were invited as ${escapeHtml(view.displayName)}.</p>
<p>${escapeHtml(view.orgName)} signs in with single sign-on: sign in with your company account to accept.</p>
<a class="button" href="${escapeHtml(signIn)}">Continue with single sign-on</a>
<p class="muted">This link works until ${escapeHtml(view.expiresAt.toUTCString())}.</p>`,
  );
}

const PROBLEMS: Record<InviteLinkProblem, { status: number; title: string; text: string }> = {
  unknown: { status: 404, title: 'This invite link is not valid', text: 'The link may be mistyped or incomplete.' },
  expired: { status: 410, title: 'This invite link has expired', text: 'Invite links work for a limited time.' },
  used: {
    status: 410,
    title: 'This invite link was already used',
    text: 'If you set up your account, sign in instead.',
  },
  superseded: {
    status: 410,
    title: 'A newer invite replaced this link',
    text: 'Use the most recent invite email you received.',
  },
  unavailable: {
    status: 410,
    title: 'This invite can no longer be used',
    text: 'The account may have been changed by an admin.',
  },
};

/** Every bad link says what happened and the one thing to do: ask an admin to resend. */
export function problemPage(problem: InviteLinkProblem, orgName?: string): { status: number; html: string } {
  const { status, title, text } = PROBLEMS[problem];
  const admin = orgName ? `an admin of ${escapeHtml(orgName)}` : 'your admin';
  return { status, html: page(title, `<h1>${title}</h1><p>${text}</p><p>Ask ${admin} to resend your invite.</p>`) };
}

export function acceptedPage(signIn: 'password' | 'sso', orgName: string): string {
  const next =
    signIn === 'sso' ? 'Sign in with your company account.' : 'Sign in with your email and the password you chose.';
  return page(
    'You are all set',
    `<h1>You are all set</h1><p>Your account in ${escapeHtml(orgName)} is active. ${next}</p><a class="button" href="/">Go to sign in</a>`,
  );
}
