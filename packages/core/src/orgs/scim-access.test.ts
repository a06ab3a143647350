import { describe, expect, it } from 'vitest';
import { scimAccessProblem } from './scim-access.ts';

const settings = {
  scimEnabled: true,
  samlJitEnabled: false,
  ssoEnabled: false,
  defaultRole: 'standard' as const,
  roleMapping: [],
  inviteTtlHours: 48,
  keyRateLimit: 50,
};

describe('scimAccessProblem', () => {
  it('opens SCIM only on a SCIM plan with SCIM enabled', () => {
    expect(scimAccessProblem({ plan: 'enterprise', settings })).toBeNull();
    expect(scimAccessProblem({ plan: 'pro', settings })).toMatch(/not included in the pro plan.*enterprise.*Upgrade/);
    expect(scimAccessProblem({ plan: 'free', settings })).toMatch(/free plan/);
    expect(scimAccessProblem({ plan: 'enterprise', settings: { ...settings, scimEnabled: false } })).toMatch(
      /disabled.*enable it/,
    );
    expect(scimAccessProblem(null)).toMatch(/no longer exists/);
  });
});
