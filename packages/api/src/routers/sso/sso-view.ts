import { getOrg } from '@provisio/core/orgs';
import { ssoWarnings } from '@provisio/core/sso';
import type { Context } from '../../context.ts';
import type { TSsoView } from './get-sso.types.ts';
import { spOf } from './sso-deps.ts';

/** What `sso.get` and every `sso.*` mutation answer: the connection as the SSO page shows it. */
export async function ssoView(ctx: Pick<Context, 'db' | 'clock' | 'publicUrl'>, orgId: string): Promise<TSsoView> {
  const [connection, domains, org] = await Promise.all([
    ctx.db.sso.get(orgId),
    ctx.db.sso.domains(orgId),
    getOrg({ orgs: ctx.db.orgs }, orgId),
  ]);
  return {
    connection,
    domains,
    sp: spOf(ctx, orgId),
    jitEnabled: org.settings.samlJitEnabled,
    ssoRequired: org.settings.ssoEnabled,
    scimEnabled: org.settings.scimEnabled,
    warnings: ssoWarnings(connection, ctx.clock.now()),
  };
}

/** What the audit log keeps of an SSO change: fingerprints, never whole certificates. */
export const auditedSso = (view: TSsoView) => ({
  idp: view.connection.idp && {
    entityId: view.connection.idp.entityId,
    ssoUrl: view.connection.idp.ssoUrl,
    certificates: view.connection.idp.certificates.map((c) => c.fingerprint),
    metadataUrl: view.connection.idp.metadataUrl,
  },
  mapping: view.connection.mapping,
  idpInitiated: view.connection.idpInitiated,
  breakGlassAdminIds: view.connection.breakGlassAdminIds,
  domains: view.domains,
  jitEnabled: view.jitEnabled,
  ssoRequired: view.ssoRequired,
});
