import type { AdmitDeprovisionDeps, BrakeAlerts } from '@provisio/core/brake';
import { createBrakeAlerts } from '@provisio/jobs';
import type { Context } from '../../context.ts';

const NO_QUEUE: BrakeAlerts = {
  braked: () => Promise.reject(new Error('no job queue in this context: the brake alert was not sent')),
};

type BrakeContext = Pick<Context, 'db' | 'clock' | 'queue' | 'logger' | 'audit' | 'surface'>;

/**
 * The brake guards what the IdP does (the SCIM door); an org admin's own deactivations over
 * tRPC are the confirmation the brake asks for, so they are neither counted nor held.
 */
export function brakeDepsOf(ctx: BrakeContext): AdmitDeprovisionDeps | null {
  if (ctx.surface !== 'scim') return null;
  return {
    brakes: ctx.db.brakes,
    clock: ctx.clock,
    alerts: ctx.queue ? createBrakeAlerts(ctx.queue) : NO_QUEUE,
    // The brake holds whether or not the mail goes: the web app's banner shows it either way.
    onAlertError: (err) => ctx.logger.error({ err }, 'deprovision brake alert not queued'),
    audit: ctx.audit,
  };
}
