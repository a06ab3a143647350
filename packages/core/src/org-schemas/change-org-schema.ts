import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { retryOnVersionConflict } from '../users/retry-on-version-conflict.ts';
import type { OrgAttribute } from './org-schema-definition.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';
import type { OrgSchemaRepository } from './org-schema-repository.ts';
import { assertFitsOrg, MAX_KNOWN_ATTRIBUTES } from './org-schema-rules.ts';
import { planAttributeChange } from './plan-attribute-change.ts';
import { purgeRequests } from './purge-requests.ts';

export type ChangeOrgSchemaOptions = {
  orgId: string;
  id: string;
  /** The version the admin saw; absent = the current one. */
  ifMatchVersion?: number | undefined;
  name?: string | undefined;
  description?: string | undefined;
  /** The whole new attribute list: one left out is hidden (values kept), unless named in `deleteData`. */
  attributes?: readonly OrgAttribute[] | undefined;
  /** Attributes to remove together with their values (the worker deletes the values a minute later). */
  deleteData?: readonly string[] | undefined;
};

/** Changes an active schema without ever changing what stored values mean (see planAttributeChange). */
export async function changeOrgSchema(
  deps: { orgSchemas: OrgSchemaRepository; clock: Clock },
  options: ChangeOrgSchemaOptions,
): Promise<OrgSchemaRecord> {
  const { orgId, id, ifMatchVersion, name, description, attributes, deleteData } = options;
  return retryOnVersionConflict({
    what: `schema ${id}`,
    ...(ifMatchVersion !== undefined ? { ifMatchVersion } : {}),
    load: () => deps.orgSchemas.findById(orgId, id),
    attempt: async (current) => {
      if (current.status !== 'active')
        throw new AppError('BAD_REQUEST', { message: `schema ${id} is retired`, scimType: 'invalidValue' });
      const state = planAttributeChange(current, attributes ?? current.attributes, deleteData);
      if (state.attributes.length + state.hiddenAttributes.length > MAX_KNOWN_ATTRIBUTES)
        throw new AppError('BAD_REQUEST', {
          message: `a schema keeps at most ${MAX_KNOWN_ATTRIBUTES} attributes, hidden ones included; delete some with deleteData`,
          scimType: 'tooMany',
        });
      const others = (await deps.orgSchemas.list(orgId)).filter((s) => s.id !== id);
      assertFitsOrg(others, { urn: current.urn, attributes: state.attributes });
      const changes = {
        ...state,
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
      };
      const now = deps.clock.now();
      // The purge is recorded first: a crash between the two leaves a request the worker drops, never a lost one.
      await deps.orgSchemas.recordPurges(purgeRequests(current, state.purgedAttributeNames, now));
      return deps.orgSchemas.update(orgId, id, current.version, changes, now);
    },
  });
}
