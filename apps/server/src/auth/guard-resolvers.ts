import { AppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import type { OrgRepository } from '@provisio/core/orgs';
import { scimAccessProblem } from '@provisio/core/orgs';
import type { AuthRequest, PrincipalResolver } from '../http/trpc-endpoint.ts';
import type { Admit } from './rate-limiter.ts';

export type GuardOptions = {
  resolvePrincipal: PrincipalResolver;
  admit: Admit;
  orgs: OrgRepository;
};

/**
 * The resolvers each surface uses: authenticate, rate-limit the key (each call of a tRPC
 * batch counts), then apply the org's SCIM plan and setting (`scimGate`).
 */
export function guardResolvers({ resolvePrincipal, admit, orgs }: GuardOptions): { trpc: PrincipalResolver; scim: PrincipalResolver } {
  const admitted = async (token: string, request?: AuthRequest): Promise<Principal | null> => {
    const principal = await resolvePrincipal(token);
    if (principal) await admit(principal, request?.calls);
    return principal;
  };

  /**
   * While the org's plan lacks SCIM or SCIM is disabled (read per request, so a change
   * applies at once): nothing passes on /scim/v2, and on /trpc a key loses what its `scim`
   * scope granted, so a SCIM key cannot reach `users.*` by the other door. FORBIDDEN says
   * why and what to do; a key with other scopes keeps those.
   */
  async function scimGate(principal: Principal | null, surface: 'scim' | 'trpc'): Promise<Principal | null> {
    if (principal?.kind !== 'org') return principal;
    if (surface === 'trpc' && !principal.scopes.includes('scim')) return principal;
    const problem = scimAccessProblem(await orgs.findById(principal.orgId));
    if (!problem) return principal;
    const rest = surface === 'trpc' ? principal.scopes.filter((scope) => scope !== 'scim') : [];
    if (!rest.length) throw new AppError('FORBIDDEN', { message: problem });
    return { ...principal, scopes: rest };
  }

  return {
    trpc: async (token, request) => scimGate(await admitted(token, request), 'trpc'),
    scim: async (token, request) => scimGate(await admitted(token, request), 'scim'),
  };
}
