import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { eventIdFloor } from '../events/event-ids.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { newWebhookSecret, sealSecret } from './secret-box.ts';
import type { WebhookEventFilter } from './webhook-event-types.ts';
import type { WebhookEndpointRecord } from './webhook-record.ts';
import type { WebhookRepository } from './webhook-repository.ts';
import type { WebhookRunQueue } from './sweep-endpoints.ts';
import { webhookTargetProblem } from './webhook-target.ts';

export type ManageEndpointsDeps = {
  webhooks: WebhookRepository;
  clock: Clock;
  /** deriveWebhookSecretKey(platform secret). */
  secretKey: Buffer;
  /** A deployment setting: private and loopback targets allowed (tests, on-premises receivers). */
  allowPrivateTargets: boolean;
  /** Starts a run of an endpoint turned back on (its events waited); absent or failing: the worker's sweep starts it. */
  queueRun?: WebhookRunQueue;
};

/** Endpoints an org may have: each is polled and leased on its own. */
export const MAX_ENDPOINTS_PER_ORG = 20;
/** The longest a rotated-out secret keeps signing. */
export const MAX_OVERLAP_HOURS = 7 * 24;

const notFound = () => new AppError('NOT_FOUND', { message: 'no such webhook endpoint' });

export function checkTarget(deps: Pick<ManageEndpointsDeps, 'allowPrivateTargets'>, url: string): void {
  const problem = webhookTargetProblem(url, { allowPrivate: deps.allowPrivateTargets });
  if (problem) throw new AppError('BAD_REQUEST', { message: `webhook URL refused: ${problem}` });
}

/** A new endpoint delivering the org's events from now on; returns it with its secret, which is shown this once. */
export async function createEndpoint(
  deps: ManageEndpointsDeps,
  input: { orgId: string; url: string; events: WebhookEventFilter[] },
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  checkTarget(deps, input.url);
  if ((await deps.webhooks.list(input.orgId)).length >= MAX_ENDPOINTS_PER_ORG)
    throw new AppError('BAD_REQUEST', { message: `an org has at most ${MAX_ENDPOINTS_PER_ORG} webhook endpoints` });
  const now = deps.clock.now();
  const id = uuidV7(now.getTime());
  const secret = newWebhookSecret();
  const endpoint: WebhookEndpointRecord = {
    id,
    orgId: input.orgId,
    url: input.url,
    events: [...new Set(input.events)],
    enabled: true,
    disabledAt: null,
    disabledReason: null,
    secrets: [{ sealed: sealSecret(deps.secretKey, secret, id), createdAt: now.toISOString(), expiresAt: null }],
    // Events made from its creation on (ids are time-ordered).
    cursor: eventIdFloor(now.getTime()),
    failingSince: null,
    failures: 0,
    retryAt: null,
    createdAt: now.toISOString(),
  };
  await deps.webhooks.create(endpoint);
  return { endpoint, secret };
}

/**
 * A new secret signs from now on; the current one keeps signing too (both signatures are
 * sent) until `overlapHours` pass, so receivers switch without a gap. Returns the new secret, shown once.
 */
export async function rotateSecret(
  deps: ManageEndpointsDeps,
  input: { orgId: string; id: string; overlapHours: number },
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const existing = await deps.webhooks.get(input.orgId, input.id);
  if (!existing) throw notFound();
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  const current = existing.secrets[0];
  const overlapEnds = new Date(now.getTime() + input.overlapHours * 3_600_000).toISOString();
  const secrets = [
    { sealed: sealSecret(deps.secretKey, secret, existing.id), createdAt: now.toISOString(), expiresAt: null },
    ...(current && input.overlapHours > 0 ? [{ ...current, expiresAt: overlapEnds }] : []),
  ];
  const endpoint = await deps.webhooks.update(input.orgId, input.id, { secrets });
  if (!endpoint) throw notFound();
  return { endpoint, secret };
}

/** Changes the URL, the events, or turns the endpoint on (which clears its failure state) or off. */
export async function updateEndpoint(
  deps: ManageEndpointsDeps,
  input: {
    orgId: string;
    id: string;
    url?: string | undefined;
    events?: WebhookEventFilter[] | undefined;
    enabled?: boolean | undefined;
  },
): Promise<WebhookEndpointRecord> {
  if (input.url !== undefined) checkTarget(deps, input.url);
  const now = deps.clock.now().toISOString();
  const endpoint = await deps.webhooks.update(input.orgId, input.id, {
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.events === undefined ? {} : { events: [...new Set(input.events)] }),
    ...(input.enabled === true
      ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null, failures: 0, retryAt: null }
      : {}),
    ...(input.enabled === false ? { enabled: false, disabledAt: now, disabledReason: 'turned off by an admin' } : {}),
  });
  if (!endpoint) throw notFound();
  if (input.enabled === true) await deps.queueRun?.(endpoint, `enabled-${Date.parse(now)}`).catch(() => undefined);
  return endpoint;
}
