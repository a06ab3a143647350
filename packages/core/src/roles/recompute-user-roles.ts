import type { AuditCollector } from '../audit/audit-collector.ts';
import type { Clock } from '../clock.ts';
import type { OrgRepository } from '../orgs/org-repository.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { UserRepository } from '../users/user-repository.ts';
import { conflictBackoff } from '../users/retry-on-version-conflict.ts';
import { decideRole, sameDecision } from './decide-role.ts';
import type { RoleDecision } from './decide-role.ts';
import type { RoleRepository } from './role-repository.ts';
import { resolveRole } from './resolve-role.ts';

export type RoleRecomputeDeps = {
  /** The user repository with its effects (audit diff, admin-key revocation on demotion). */
  users: UserRepository;
  roles: RoleRepository;
  orgs: Pick<OrgRepository, 'findById'>;
  clock: Clock;
  audit?: AuditCollector | undefined;
};

export type RecomputeOptions = {
  orgId: string;
  userIds: readonly string[];
  /** Why, for the audit note. */ cause: string;
};

const CONCURRENCY = 8;
const MAX_ROUNDS = 20;

/**
 * Brings each user's role to what their groups say, for exactly these users. Safe with any
 * number of replicas and concurrent membership changes, with no lock: each round reads the
 * user, then decides from the memberships and mappings as they are, and writes only
 * conditionally on the version read; after a write it decides again, so a decision made on
 * memberships that changed meanwhile is corrected by the recompute that read them last.
 * Idempotent: a user already right is one read. Returns how many users changed.
 */
export async function recomputeUserRoles(deps: RoleRecomputeDeps, options: RecomputeOptions): Promise<number> {
  const { orgId } = options;
  const queue = [...new Set(options.userIds)];
  let changed = 0;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (await settleUser(deps, orgId, id, options.cause)) changed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return changed;
}

async function decisionFor(deps: RoleRecomputeDeps, orgId: string, user: UserRecord): Promise<RoleDecision> {
  const [mappings, orgRoles, org] = await Promise.all([
    deps.roles.listMappings(orgId),
    deps.roles.listRoles(orgId),
    deps.orgs.findById(orgId),
  ]);
  const defaultRole = org?.settings.defaultRole ?? 'standard';
  const mapping = org?.settings.roleMapping ?? [];
  return decideRole({
    groupIds: user.groups.map((g) => g.value),
    mappings,
    orgRoles,
    current: { role: user.role, grant: user.roleGrant ?? null },
    attributeRole: resolveRole(user.attributes.roles, { mapping, defaultRole })?.role ?? null,
    defaultRole,
  });
}

async function settleUser(deps: RoleRecomputeDeps, orgId: string, id: string, cause: string): Promise<boolean> {
  let wrote = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const user = await deps.users.findById(orgId, id);
    if (!user) return wrote;
    const decision = await decisionFor(deps, orgId, user);
    if (sameDecision(decision, { role: user.role, grant: user.roleGrant ?? null })) return wrote;
    const written = await deps.users.updateIfVersion(orgId, id, user.version, {
      attributes: user.attributes,
      status: user.status,
      previous: user,
      role: decision.role,
      roleGrant: decision.grant,
      now: deps.clock.now(),
    });
    if (written) {
      wrote = true;
      const why = decision.grant ? `group ${decision.grant.groupId}` : 'no mapped group left';
      deps.audit?.note(`role of user ${id}: ${user.role} → ${decision.role} (${why}; ${cause})`);
    } else await conflictBackoff(round);
  }
  return wrote;
}
