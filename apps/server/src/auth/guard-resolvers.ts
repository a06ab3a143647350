import { AppError, isAppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import type { OrgRecord, OrgRepository } from '@provisio/core/orgs';
import { scimAccessProblem } from '@provisio/core/orgs';
import { TRPCError } from '@trpc/server';
import type { AuthRequest, PrincipalResolver, SessionResolver } from '../http/trpc-endpoint.ts';
import type { BadCredentialLimiter } from './bad-credential-limiter.ts';
import { keyLimitsOf, rateKeyOf } from './rate-limiter.ts';
import type { Admit } from './rate-limiter.ts';

export type GuardOptions = {
  resolvePrincipal: PrincipalResolver;
  admit: Admit;
  badCredentials: BadCredentialLimiter;
  orgs: OrgRepository;
  /**
   * Whether resolving `token` needs no database read (the credential cache holds its key).
   * Then the address's limit of refused credentials is checked in the rate limiter's round
   * trip, after the lookup, instead of in a round trip of its own before it.
   */
  resolvesWithoutRead?: (token: string) => boolean;
};

/** A refused credential: null from a resolver, a revoked key, an ended session. */
const isRefusal = (error: unknown) =>
  (isAppError(error) && error.code === 'UNAUTHENTICATED') ||
  (error instanceof TRPCError && error.code === 'UNAUTHORIZED');

/**
 * The resolvers each door uses. An address past its limit of refused credentials is
 * turned away before any lookup; then authenticate (a refusal counts against the
 * address), rate-limit the key or session (each call of a tRPC batch counts), and apply
 * the org's SCIM plan and setting (`scimGate`).
 */
export function guardResolvers({
  resolvePrincipal,
  admit,
  badCredentials,
  orgs,
  resolvesWithoutRead = () => false,
}: GuardOptions) {
  /**
   * Runs a lookup behind the per-address limit of refused credentials (when the address is
   * known): checked before a lookup that reads the database; after one that does not (`free`),
   * where a refusal checks it before counting and a success checks it in `admit`.
   */
  async function looked<T>(
    request: AuthRequest | undefined,
    lookup: () => Promise<T | null> | T | null,
    refused: (found: T | null) => boolean,
    free = false,
  ) {
    if (!request) return lookup();
    if (!free) await badCredentials.check(request.address);
    const refuse = async () => {
      if (free) await badCredentials.check(request.address);
      await badCredentials.count(request.address);
    };
    try {
      const found = await lookup();
      if (refused(found)) await refuse();
      return found;
    } catch (error) {
      if (isRefusal(error)) await refuse();
      throw error;
    }
  }

  /** The org of a key's principal, read once per request (cached per process) for its rate limit and its SCIM gate. */
  const orgOf = (principal: Principal | null): Promise<OrgRecord | null> | null =>
    principal?.kind === 'org' ? orgs.findById(principal.orgId) : null;

  const admitted = async (
    token: string,
    request?: AuthRequest,
  ): Promise<{ principal: Principal | null; org: Promise<OrgRecord | null> | null }> => {
    const free = request !== undefined && resolvesWithoutRead(token);
    const principal = await looked(
      request,
      () => resolvePrincipal(token),
      (found) => !found,
      free,
    );
    const org = orgOf(principal);
    if (principal) {
      request?.onPrincipal?.(principal);
      // An org that cannot be read right now keeps the default limit (its SCIM gate then fails on its own).
      const limits = keyLimitsOf((await org?.catch(() => null)) ?? null);
      await admit(rateKeyOf(principal, 'bearer'), request?.calls, {
        limits,
        ...(free && request ? { address: { address: request.address, limit: badCredentials.limit } } : {}),
      });
    }
    return { principal, org };
  };

  /**
   * While the org's plan lacks SCIM or SCIM is disabled (read per request, so a change
   * applies at once): nothing passes on /scim/v2, and on /trpc a key loses what its `scim`
   * scope granted, so a SCIM key cannot reach `users.*` by the other door. FORBIDDEN says
   * why and what to do; a key with other scopes keeps those.
   */
  async function scimGate(
    { principal, org }: Awaited<ReturnType<typeof admitted>>,
    surface: 'scim' | 'trpc',
  ): Promise<Principal | null> {
    if (principal?.kind !== 'org') return principal;
    if (surface === 'trpc' && !principal.scopes.includes('scim')) return principal;
    const problem = scimAccessProblem(await org);
    if (!problem) return principal;
    const rest = surface === 'trpc' ? principal.scopes.filter((scope) => scope !== 'scim') : [];
    if (!rest.length) throw new AppError('FORBIDDEN', { message: problem });
    return { ...principal, scopes: rest };
  }

  return {
    trpc: (async (token, request) => scimGate(await admitted(token, request), 'trpc')) satisfies PrincipalResolver,
    scim: (async (token, request) => scimGate(await admitted(token, request), 'scim')) satisfies PrincipalResolver,
    /** The web session of a /trpc request, limited like a key (its budget is the signed-in admin's). */
    session:
      (resolveSession: SessionResolver): SessionResolver =>
      async (req, request) => {
        // A request without a cookie resolves to null: no credential, nothing refused.
        const principal = await looked(
          request,
          () => resolveSession(req, request),
          () => false,
        );
        if (principal) await admit(rateKeyOf(principal, 'session'), request.calls);
        return principal;
      },
  };
}
