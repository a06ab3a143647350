import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { OrgRepository } from '../orgs/org-repository.ts';
import type { UserRepository } from '../users/user-repository.ts';
import { normaliseDomain } from './email-domain.ts';
import type { IdpSettings, SsoAttributeMapping, SsoConnection } from './sso-connection.ts';
import type { SsoRepository } from './sso-repository.ts';

export type SsoDeps = {
  sso: SsoRepository;
  orgs: OrgRepository;
  users: Pick<UserRepository, 'standing'>;
  clock: Clock;
};

/** What an admin sets on the SSO page; JIT and "SSO required" are stored as org settings. */
export type SsoSettingsChanges = {
  mapping?: SsoAttributeMapping;
  idpInitiated?: boolean;
  breakGlassAdminIds?: string[];
  jitEnabled?: boolean;
  ssoRequired?: boolean;
};

/** The IdP side, from metadata the caller parsed (pasted or fetched). */
export async function setSsoIdp(deps: SsoDeps, { orgId, idp }: { orgId: string; idp: IdpSettings }) {
  return deps.sso.update(orgId, { idp }, deps.clock.now());
}

/**
 * Changes the connection's settings. "SSO required" needs an IdP to send people to, and
 * break-glass accounts must be active admins of the org (they keep password sign-in).
 */
export async function updateSsoSettings(
  deps: SsoDeps,
  { orgId, changes }: { orgId: string; changes: SsoSettingsChanges },
): Promise<SsoConnection> {
  const { jitEnabled, ssoRequired, ...connectionChanges } = changes;
  const current = await deps.sso.get(orgId);
  if (ssoRequired && !current.idp)
    throw new AppError('BAD_REQUEST', {
      message: 'SSO cannot be required before the IdP is set up',
      userMessage: 'Load the IdP metadata before requiring SSO.',
    });
  for (const userId of changes.breakGlassAdminIds ?? []) {
    const user = await deps.users.standing(orgId, userId);
    if (user?.status !== 'active' || user.role !== 'admin')
      throw new AppError('BAD_REQUEST', {
        message: `break-glass account ${userId} is not an active admin of this org`,
      });
  }
  const now = deps.clock.now();
  if (jitEnabled !== undefined || ssoRequired !== undefined)
    await deps.orgs.updateSettings(
      orgId,
      {
        ...(jitEnabled !== undefined ? { samlJitEnabled: jitEnabled } : {}),
        ...(ssoRequired !== undefined ? { ssoEnabled: ssoRequired } : {}),
      },
      now,
    );
  if (Object.keys(connectionChanges).length === 0) return current;
  return deps.sso.update(orgId, connectionChanges, now);
}

export async function addSsoDomain(deps: SsoDeps, { orgId, domain }: { orgId: string; domain: string }) {
  const normalised = normaliseDomain(domain);
  await deps.sso.addDomain(orgId, normalised, deps.clock.now());
  return normalised;
}

export async function removeSsoDomain(deps: SsoDeps, { orgId, domain }: { orgId: string; domain: string }) {
  const normalised = normaliseDomain(domain);
  if (!(await deps.sso.removeDomain(orgId, normalised)))
    throw new AppError('NOT_FOUND', { message: `${normalised} is not a domain of this org` });
  return normalised;
}

/** The platform admin, having checked the org owns the domain (see README), makes it route sign-ins. */
export async function verifySsoDomain(deps: SsoDeps, { orgId, domain }: { orgId: string; domain: string }) {
  const normalised = normaliseDomain(domain);
  if (!(await deps.sso.verifyDomain(orgId, normalised, deps.clock.now())))
    throw new AppError('NOT_FOUND', { message: `the org has not added ${normalised}` });
  return normalised;
}
