import type { Model } from 'mongoose';
import { ORG_ADMIN } from '../partial-indexes.ts';
import type { UserDoc } from '../users/user-model.ts';

export type AdminContact = { userId: string; email: string; name: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Where an admin is reached: the primary email, else the first, else a userName that is an email. */
function emailOf(doc: Pick<UserDoc, 'userName' | 'attributes'>): string | null {
  const emails = doc.attributes.emails ?? [];
  const chosen = emails.find((e) => e.primary) ?? emails[0];
  if (chosen && EMAIL.test(chosen.value)) return chosen.value;
  return EMAIL.test(doc.userName) ? doc.userName : null;
}

/** The org's admins who can be mailed: role `admin`, not deactivated (MongoDB: the `org_admins` partial index). */
export async function orgAdminContacts(users: Model<UserDoc>, orgId: string): Promise<AdminContact[]> {
  const docs = await users
    .find({ orgId, ...ORG_ADMIN, status: { $ne: 'deactivated' } }, { userName: 1, attributes: 1 })
    .lean<Array<Pick<UserDoc, '_id' | 'userName' | 'attributes'>>>();
  return docs.flatMap((doc) => {
    const email = emailOf(doc);
    return email ? [{ userId: doc._id, email, name: doc.attributes.displayName ?? doc.userName }] : [];
  });
}
