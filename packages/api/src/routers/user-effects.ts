import { actorOf } from '@provisio/core/audit';
import type { AccessLossDeps } from '@provisio/core/keys';
import type { UserEffectsOptions } from '@provisio/core';
import type { Context } from '../context.ts';
import { keyAlertsOf } from './audit/access-deps.ts';
import { inviteDeps } from './invite-deps.ts';

type EffectsContext = Pick<Context, 'db' | 'clock' | 'queue' | 'logger' | 'auth' | 'audit' | 'requestId'>;

/** Key revocation on loss of access, for an org principal's writes (others revoke nothing). */
function accessLossDeps(ctx: EffectsContext): AccessLossDeps | null {
  const auth = ctx.auth;
  if (auth?.kind !== 'org') return null;
  const orgId = auth.orgId;
  return {
    keys: ctx.db.keys,
    clock: ctx.clock,
    alerts: keyAlertsOf(ctx),
    onAlertError: (err, key) => ctx.logger.error({ err, orgId, keyId: key.id }, 'key revoked alert not queued'),
    ledger: ctx.db.audit,
    audit: ctx.audit,
    actor: actorOf(auth),
    // An IdP changing the owner of the very key it calls with: that key is in SCIM use.
    activeScimKeyId: ctx.audit?.writtenBy === 'http' ? auth.keyId : undefined,
    requestId: ctx.requestId ?? null,
    onRevoked: (info) => ctx.logger.info({ orgId, ...info }, 'keys revoked on loss of access'),
  };
}

/** What every user write brings (audit diff, key revocation, the new user's invite), from the request context. */
export const userEffectsOf = (ctx: EffectsContext): UserEffectsOptions => ({
  audit: ctx.audit,
  access: accessLossDeps(ctx),
  invites: inviteDeps(ctx),
});
