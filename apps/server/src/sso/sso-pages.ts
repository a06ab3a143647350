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

/**
 * A person who is not an admin, signed in through SSO: who they are as the org knows them,
 * and a sign-out form (its CSRF token in a hidden field, as a plain form cannot send a header).
 */
export function accountPage(view: {
  orgName: string;
  displayName: string;
  email: string;
  groups: string[];
  csrfToken: string;
}): string {
  const groups = view.groups.length
    ? view.groups.map((g) => `<li>${escapeHtml(g)}</li>`).join('')
    : '<li class="muted">none</li>';
  return page(
    'Your account',
    `<h1>Your account</h1><p>Signed in to ${escapeHtml(view.orgName)}.</p>
<dl><dt>Name</dt><dd>${escapeHtml(view.displayName)}</dd><dt>Email</dt><dd>${escapeHtml(view.email)}</dd></dl>
<h2>Groups</h2><ul aria-label="Groups">${groups}</ul>
<form method="post" action="/account/sign-out"><input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}"><button type="submit">Sign out</button></form>`,
  );
}

/** The account page without a live session: signed out (or never signed in). */
export function signedOutPage(message: string): string {
  return page(
    'Signed out',
    `<h1>Signed out</h1><p role="status">${escapeHtml(message)}</p><p><a href="/">Sign in</a></p>`,
  );
}
