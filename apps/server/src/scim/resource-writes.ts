import { fromScimGroup, fromScimUser } from '@provisio/scim';
import type { SchemaRegistry } from '@provisio/scim';
import { optionalVersion } from './http/scim-request.ts';
import type { ScimCaller } from './scim-context.ts';

/**
 * The SCIM writes of each resource type as procedure calls: wire body in, record out.
 * The `/Users` and `/Groups` routers and `/Bulk` all write through these, so a Bulk
 * operation is exactly the single request it stands for. `version`: the If-Match.
 */
export function resourceWrites(registry: SchemaRegistry) {
  return {
    Users: {
      // `password` is writeOnly (RFC 7643 §4.1.1): accepted and discarded; people set theirs through the invite.
      create: (caller: ScimCaller, body: unknown) =>
        caller.users.create({ attributes: fromScimUser(body, registry).attributes }),
      replace: (caller: ScimCaller, id: string, body: unknown, version?: number) =>
        caller.users.replace({ id, attributes: fromScimUser(body, registry).attributes, ...optionalVersion(version) }),
      // The procedure applies the PatchOp against the current version and retries a lost race itself.
      patch: (caller: ScimCaller, id: string, body: unknown, version?: number) =>
        caller.users.patch({ id, patch: body, ...optionalVersion(version) }),
      remove: (caller: ScimCaller, id: string, version?: number) =>
        caller.users.delete({ id, ...optionalVersion(version) }),
    },
    Groups: {
      create: (caller: ScimCaller, body: unknown) => caller.groups.create(fromScimGroup(body, registry)),
      replace: (caller: ScimCaller, id: string, body: unknown, version?: number) =>
        caller.groups.replace({ id, ...fromScimGroup(body, registry), ...optionalVersion(version) }),
      // Applied and retried inside the procedure; members-only changes never contend on the version.
      patch: (caller: ScimCaller, id: string, body: unknown, version?: number) =>
        caller.groups.patch({ id, patch: body, ...optionalVersion(version) }),
      remove: (caller: ScimCaller, id: string, version?: number) =>
        caller.groups.delete({ id, ...optionalVersion(version) }),
    },
  };
}

export type ResourceWrites = ReturnType<typeof resourceWrites>;
