import type { CreatedUsers, LoadOrg } from './load.ts';
import { startLoad } from './load.ts';

/** Requests kept open at once when measuring: what an IdP's sync plus a few tools might hold. */
const CLIENTS = 8;

/**
 * The sustainable rate of this machine at this moment: the Okta-style mix from 8 clients that
 * each send the next request when the last is answered, through the balancer, for `seconds`;
 * requests per second completed. Every scenario's load is a fraction or multiple of it.
 */
export async function measureSustainable(orgs: readonly LoadOrg[], created: CreatedUsers, seconds: number) {
  const load = startLoad(orgs, created, { rate: 100_000, maxInFlight: CLIENTS });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const figures = await load.stop();
  return { perSecond: figures.ok / figures.seconds, figures };
}
