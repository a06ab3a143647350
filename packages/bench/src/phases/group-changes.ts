import { createHttp } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import type { SeededUser } from '../seed.ts';
import { percentile } from '../stats.ts';
import { addMember, OKTA_HEADERS, removeMember } from './scim-bodies.ts';

export type GroupChangeRow = { members: number; change: string; p50: number; p99: number; errors: number };

/** Changes measured at each size: enough for a p99 of their own, few enough to stay in seconds. */
const CHANGES = 40;

/**
 * Okta's push of one membership change into a group that holds every user of the org
 * (`PATCH /Groups/{id}`: remove a member, then add it back), one at a time: what a change
 * costs must not grow with the group (a removal by `memberId $in` read all its rows).
 */
export async function measureGroupChanges(
  baseUrl: string,
  org: BenchOrg,
  groupId: string,
  members: readonly SeededUser[],
): Promise<GroupChangeRow[]> {
  const http = createHttp(`${baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}`, ...OKTA_HEADERS });
  const changes = [
    { change: 'PATCH remove a member', body: (id: string) => removeMember(id), ms: [] as number[], errors: 0 },
    { change: 'PATCH add a member', body: (id: string) => addMember(id), ms: [] as number[], errors: 0 },
  ];
  try {
    for (let i = 0; i < CHANGES; i++) {
      // Spread over the group: its first, middle and last rows alike.
      const member = members[Math.floor(((i + 0.5) / CHANGES) * members.length)]?.id ?? '';
      for (const c of changes) {
        const reply = await http.send('PATCH', `/Groups/${groupId}`, c.body(member));
        c.ms.push(reply.ms);
        if (reply.status !== 204 && reply.status !== 200) c.errors++;
      }
    }
    return changes.map((c) => ({
      members: members.length,
      change: c.change,
      p50: percentile(c.ms, 0.5),
      p99: percentile(c.ms, 0.99),
      errors: c.errors,
    }));
  } finally {
    http.close();
  }
}

/** An empty group of the org, through SCIM; the benchmark then seeds its members (`seedGroupMembers`). */
export async function createEveryoneGroup(baseUrl: string, org: BenchOrg): Promise<string> {
  const http = createHttp(`${baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}`, ...OKTA_HEADERS });
  try {
    const reply = await http.send('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Everyone',
      members: [],
    });
    if (reply.status !== 201) throw new Error(`POST /Groups: ${reply.status} ${reply.body.slice(0, 300)}`);
    return (JSON.parse(reply.body) as { id: string }).id;
  } finally {
    http.close();
  }
}
