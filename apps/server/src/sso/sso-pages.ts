import { escapeHtml } from '@provisio/email';
import { page } from '../invites/invite-page.ts';

/** A refused SSO sign-in: what happened and the one thing to do. Nothing of the assertion is echoed. */
export function refusedPage(message: string): string {
  return page(
    'Sign-in refused',
    `<h1>Sign-in refused</h1><p class="error" role="alert">${escapeHtml(message)}</p><p><a href="/">Back to sign-in</a></p>`,
  );
}

/**
 * After the ACS POST (a cross-site request, so the SameSite=Strict session cookie would not
 * ride a redirect): a page that moves on by itself, a same-site navigation that carries it.
 */
export function continuePage(target: string): string {
  const href = escapeHtml(target);
  return page(
    'Signed in',
    `<meta http-equiv="refresh" content="0;url=${href}"><p>Signed in. <a href="${href}">Continue</a></p>`,
  );
}

/** A person who is not an admin: who they are, as the IdP and the org know them (the product behind us takes it from here). */
export function accountPage(view: { orgName: string; displayName: string; email: string; groups: string[] }): string {
  const groups = view.groups.length
    ? view.groups.map((g) => `<li>${escapeHtml(g)}</li>`).join('')
    : '<li class="muted">none</li>';
  return page(
    'Your account',
    `<h1>Your account</h1><p>Signed in to ${escapeHtml(view.orgName)} as <strong>${escapeHtml(view.displayName)}</strong> (${escapeHtml(view.email)}).</p>
<h2>Groups</h2><ul>${groups}</ul>`,
  );
}
