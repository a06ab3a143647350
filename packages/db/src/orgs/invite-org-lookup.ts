import type { InviteOrgLookup } from '@provisio/core/invites';
import type { Model } from 'mongoose';
import { DEFAULT_ORG_SETTINGS } from './org-model.ts';
import type { OrgDoc } from './org-model.ts';

/** The org facts the invite rules read. */
export function createInviteOrgLookup(model: Model<OrgDoc>): InviteOrgLookup {
  return {
    async inviteSettings(orgId) {
      const org = await model
        .findById(orgId)
        .select({ name: 1, settings: 1 })
        .lean<Pick<OrgDoc, 'name' | 'settings'>>();
      if (!org) return null;
      const settings = { ...DEFAULT_ORG_SETTINGS, ...org.settings };
      return { name: org.name, inviteTtlHours: settings.inviteTtlHours, ssoEnabled: settings.ssoEnabled };
    },
  };
}
