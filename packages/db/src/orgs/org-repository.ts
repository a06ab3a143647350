import { normaliseKey } from '@provisio/core';
import { DEFAULT_ROLES } from '@provisio/core/orgs';
import type { OrgRecord, OrgRepository, OrgSettings } from '@provisio/core/orgs';
import type { Model } from 'mongoose';
import { conflictOnDuplicate } from '../errors/is-duplicate-key.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';
import { reviseDocument } from '../versioning/revise-document.ts';
import { DEFAULT_ORG_SETTINGS } from './org-model.ts';
import type { OrgDoc } from './org-model.ts';

/** Stored settings over the defaults. A default role of `admin` (allowed once) reads as `standard`: admin is never a default. */
function settingsOf(doc: OrgDoc): OrgSettings {
  const settings = { ...DEFAULT_ORG_SETTINGS, ...doc.settings };
  return DEFAULT_ROLES.includes(settings.defaultRole) ? settings : { ...settings, defaultRole: 'standard' };
}

const toOrg = (doc: OrgDoc): OrgRecord => ({
  id: doc._id,
  name: doc.name,
  plan: doc.plan,
  settings: settingsOf(doc),
  created: doc.createdAt.toISOString(),
  lastModified: doc.updatedAt.toISOString(),
});

/** `settings.x` paths: only the settings given change. */
const settingsPaths = (settings: Partial<OrgSettings>) =>
  Object.fromEntries(
    Object.entries(settings)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [`settings.${k}`, v]),
  );

/** Implements core's OrgRepository on the org model. */
export function createOrgRepository(model: Model<OrgDoc>, vc: VersionClaims): OrgRepository {
  // One writer per revision: two admins changing different settings at once both keep their change.
  const update = async (orgId: string, $set: Record<string, unknown>, now: Date) => {
    const doc = await reviseDocument(model, vc, { kind: 'org', orgId, id: orgId, now, scope: {} }, () => ({
      ...$set,
      updatedAt: now,
    }));
    return doc ? toOrg(doc) : null;
  };
  return {
    async insert({ id, name, plan, settings, now }) {
      const doc = {
        _id: id,
        name,
        nameKey: normaliseKey(name),
        plan,
        settings: { ...DEFAULT_ORG_SETTINGS, ...settings },
        createdAt: now,
        updatedAt: now,
      };
      await model.collection.insertOne(doc as never).catch(conflictOnDuplicate('org name'));
      return toOrg(doc);
    },
    async findById(orgId) {
      const doc = await model.findById(orgId).lean<OrgDoc>();
      return doc ? toOrg(doc) : null;
    },
    setPlan: (orgId, plan, now) => update(orgId, { plan }, now),
    updateSettings: (orgId, settings, now) => update(orgId, settingsPaths(settings), now),
  };
}
