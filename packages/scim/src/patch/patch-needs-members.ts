import { ScimError } from '../errors/scim-error.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { idsFromFilter } from './member-values.ts';
import { parsePatchPath } from './parse-patch-path.ts';
import { parsePatchRequest } from './parse-patch-request.ts';

/**
 * True when a group PatchOp has a member filter that can't be resolved to ids alone
 * (anything but `value eq "x"` or-ed): load the members and pass them to applyGroupPatch.
 * An invalid body gives false; applyGroupPatch reports the error.
 */
export function patchNeedsMembers(opts: { patch: unknown; registry: SchemaRegistry }): boolean {
  try {
    return parsePatchRequest(opts.patch).some((op) => {
      if (op.path === undefined) return false;
      const t = parsePatchPath(op.path, opts.registry.resources.Group);
      return (
        t.kind === 'attribute' && t.attr.def.name === 'members' && t.filter !== undefined && !idsFromFilter(t.filter)
      );
    });
  } catch (err) {
    if (err instanceof ScimError) return false;
    throw err;
  }
}
