import { createUser } from '@provisio/core';
import type { UserAttributes, UserRole } from '@provisio/core';
import { createAuditCollector, newAuditEvent } from '@provisio/core/audit';
import type { AuditEvent } from '@provisio/core/audit';
import { getOrg } from '@provisio/core/orgs';
import { delegatesAdmin, resolveRole } from '@provisio/core/roles';
import { decideSsoSignIn, SSO_SIGN_IN_REFUSALS } from '@provisio/core/sso';
import type { SsoSignInRefusal } from '@provisio/core/sso';
import type { SamlIdentity } from '@provisio/saml';
import type { Context } from './context.ts';
import { domainDeps } from './routers/domain-deps.ts';

export type SsoSignInRequest = Pick<AuditEvent, 'method' | 'path' | 'userAgent' | 'address' | 'requestId'>;

export type SsoSignInResult =
  | { ok: true; userId: string; role: UserRole; outcome: 'signed_in' | 'invite_accepted' | 'jit_created' }
  | { ok: false; reason: SsoSignInRefusal; message: string };

type SignInContext = Pick<Context, 'db' | 'clock' | 'logger' | 'queue' | 'publicUrl'>;

/**
 * What a verified SAML assertion does in its org: an active user signs in, an invited one's
 * invite is accepted by the sign-in, a deactivated one is refused, an unknown one is created
 * (JIT on: `source: jit`, active, no invite mail; role from the asserted groups through the
 * org's role mapping, never `admin` unless mapped) or refused. One audit event either way.
 */
export async function completeSsoSignIn(
  ctx: SignInContext,
  { orgId, identity, request }: { orgId: string; identity: SamlIdentity; request: SsoSignInRequest },
): Promise<SsoSignInResult> {
  const audit = createAuditCollector({ writtenBy: 'http', userAgent: request.userAgent });
  // The sign-in writes as an in-process caller of the org: its changes get the usual effects and diff.
  const auth = { kind: 'org', orgId, scopes: ['users:write'] } as const;
  const deps = domainDeps({ ...ctx, auth, audit });
  const org = await getOrg({ orgs: ctx.db.orgs }, orgId);
  const [byEmail, byUserName] = await Promise.all([
    ctx.db.users.page(orgId, { email: identity.email, limit: 3 }),
    ctx.db.users.page(orgId, { userName: identity.email, limit: 3 }),
  ]);
  const decision = decideSsoSignIn([...byEmail, ...byUserName], org.settings.samlJitEnabled);
  const now = ctx.clock.now();
  let result: SsoSignInResult;
  if (decision.kind === 'refuse') {
    result = { ok: false, reason: decision.reason, message: SSO_SIGN_IN_REFUSALS[decision.reason] };
  } else if (decision.kind === 'create_jit') {
    const mapping = org.settings.roleMapping;
    const groups = identity.groups.map((value) => ({ value }));
    const role =
      resolveRole(groups, { mapping, defaultRole: org.settings.defaultRole })?.role ?? org.settings.defaultRole;
    const user = await createUser(deps, {
      orgId,
      attributes: jitAttributes(identity),
      source: 'jit',
      role,
      authority: { admin: false, adminDelegated: delegatesAdmin(mapping) },
    });
    result = { ok: true, userId: user.id, role: user.role, outcome: 'jit_created' };
  } else {
    const user = await ctx.db.users.findById(orgId, decision.userId);
    if (!user) return { ok: false, reason: 'not_assigned', message: SSO_SIGN_IN_REFUSALS.not_assigned };
    if (decision.kind === 'accept_invite') await acceptInviteBySignIn(ctx, orgId, user.id, now);
    result = {
      ok: true,
      userId: user.id,
      role: user.role,
      outcome: decision.kind === 'accept_invite' ? 'invite_accepted' : 'signed_in',
    };
  }
  if (result.ok) await ctx.db.sso.signedIn(orgId, now);
  await ctx.db.audit.insert(
    newAuditEvent(now, {
      ...request,
      orgId,
      surface: 'web',
      actor: { type: 'anonymous', account: identity.email.toLowerCase() },
      action: 'sso.signIn',
      resourceType: 'User',
      resourceId: result.ok ? result.userId : null,
      status: result.ok ? 200 : 403,
      outcome: result.ok ? 'success' : 'failure',
      changes: audit.changes,
      notes: [
        result.ok ? `SAML sign-in: ${result.outcome.replace('_', ' ')}` : `SAML sign-in refused: ${result.message}`,
      ],
    }),
  );
  return result;
}

/** The invite link stops working and the user becomes active: the IdP vouched for them. */
async function acceptInviteBySignIn(ctx: SignInContext, orgId: string, userId: string, now: Date) {
  const invite = await ctx.db.invites.latestForUser(orgId, userId);
  if (invite?.tokenHash && (invite.state === 'sent' || invite.state === 'sending'))
    await ctx.db.invites.accept(invite.tokenHash, now);
  await ctx.db.inviteUsers.markAccepted(orgId, userId, { now });
}

function jitAttributes(identity: SamlIdentity): UserAttributes {
  const name =
    identity.givenName || identity.familyName
      ? {
          ...(identity.givenName ? { givenName: identity.givenName } : {}),
          ...(identity.familyName ? { familyName: identity.familyName } : {}),
        }
      : undefined;
  const displayName =
    identity.displayName ?? ([identity.givenName, identity.familyName].filter(Boolean).join(' ') || undefined);
  return {
    userName: identity.email,
    active: true,
    emails: [{ value: identity.email, type: 'work', primary: true }],
    ...(name ? { name } : {}),
    ...(displayName ? { displayName } : {}),
  };
}
