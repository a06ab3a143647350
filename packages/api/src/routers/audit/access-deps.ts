import { createKeyAlerts } from '@provisio/jobs';
import type { KeyAlerts } from '@provisio/core/keys';
import type { Context } from '../../context.ts';

/** The repositories of orgs, keys, service accounts and the ledger, from the request context. */
export const accessDeps = (ctx: Pick<Context, 'db' | 'clock'>) => ({
  orgs: ctx.db.orgs,
  keys: ctx.db.keys,
  serviceAccounts: ctx.db.serviceAccounts,
  users: ctx.db.users,
  audit: ctx.db.audit,
  clock: ctx.clock,
});

const NO_QUEUE: KeyAlerts = {
  keyRevoked: () => Promise.reject(new Error('no job queue in this context: the key alert was not sent')),
};

/** Alerts go through the worker's queue; a context without one (some tests) reports each as failed. */
export const keyAlertsOf = (ctx: Pick<Context, 'queue'>): KeyAlerts =>
  ctx.queue ? createKeyAlerts(ctx.queue) : NO_QUEUE;

/** `${publicUrl}/scim/v2`: what an IdP admin pastes as the SCIM base URL. */
export const scimBaseUrlOf = (ctx: Pick<Context, 'publicUrl'>) => `${ctx.publicUrl.replace(/\/+$/, '')}/scim/v2`;
