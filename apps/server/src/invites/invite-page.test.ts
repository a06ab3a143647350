import { describe, expect, it } from 'vitest';
import { acceptForm } from './invite-page.ts';

const view = {
  orgId: 'org-1',
  orgName: 'Acme',
  displayName: 'Ada',
  email: 'ada@acme.example',
  expiresAt: new Date('2026-01-01T00:00:00Z'),
};

describe('the invite page', () => {
  it('asks for a password when the org does not require SSO', () => {
    const html = acceptForm({ ...view, ssoEnabled: false });
    expect(html).toContain('type="password"');
    expect(html).not.toContain('/sso/saml/');
  });

  it('sends the person to SSO, with no password field, when SSO is required', () => {
    const html = acceptForm({ ...view, ssoEnabled: true });
    expect(html).toContain('href="/sso/saml/org-1/sign-in"');
    expect(html).not.toContain('type="password"');
  });
});
