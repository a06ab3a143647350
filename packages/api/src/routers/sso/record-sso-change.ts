import { recordChange } from '@provisio/core/audit';
import type { Context } from '../../context.ts';
import type { TSsoView } from './get-sso.types.ts';
import { auditedSso, ssoView } from './sso-view.ts';

/** Runs an SSO change and puts what it changed in the mutation's audit event; answers the new view. */
export async function withSsoAudit(
  ctx: Pick<Context, 'db' | 'clock' | 'publicUrl' | 'audit' | 'logger'> & { auth: { orgId: string } },
  action: string,
  change: () => Promise<unknown>,
): Promise<TSsoView> {
  const orgId = ctx.auth.orgId;
  const before = await ssoView(ctx, orgId);
  await change();
  const after = await ssoView(ctx, orgId);
  ctx.logger.info({ orgId, action }, 'sso changed');
  recordChange(ctx.audit, {
    resourceType: 'SsoConnection',
    resourceId: orgId,
    before: auditedSso(before),
    after: auditedSso(after),
  });
  return after;
}
