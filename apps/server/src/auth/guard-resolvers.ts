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
 * The resolvers each surface uses: authenticate, then rate-limit the key (each call of a
 * tRPC batch counts); SCIM then also
 * requires the org's plan to include SCIM and SCIM to be enabled (403 saying why and
 * what to do). Read per request, so a plan change applies at once.
 */
export function guardResolvers({ resolvePrincipal, admit, orgs }: GuardOptions): { trpc: PrincipalResolver; scim: PrincipalResolver } {
  const trpc = async (token: string, request?: AuthRequest): Promise<Principal | null> => {
    const principal = await resolvePrincipal(token);
    if (principal) await admit(principal, request?.calls);
    return principal;
  };
  const scim = async (token: string, request?: AuthRequest): Promise<Principal | null> => {
    const principal = await trpc(token, request);
    if (principal?.kind !== 'org') return principal;
    const problem = scimAccessProblem(await orgs.findById(principal.orgId));
    if (problem) throw new AppError('FORBIDDEN', { message: problem });
    return principal;
  };
  return { trpc, scim };
}
