/** Request bodies as the IdPs send them (apps/server/src/scim/README.md, "What IdPs send"). */
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export const OKTA_HEADERS = { 'user-agent': 'Okta SCIM Client 1.0.0', accept: 'application/scim+json' };

export const oktaUser = (userName: string, i: number) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Okta', familyName: `User ${i}` },
  emails: [{ primary: true, value: userName, type: 'work' }],
  displayName: `Okta User ${i}`,
  externalId: `00u${i}`,
  active: true,
});

export const oktaDeactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] };

export const entraReplace = (email: string, familyName: string) => ({
  schemas: [PATCH_OP],
  Operations: [
    { op: 'Replace', path: 'emails[type eq "work"].value', value: email },
    { op: 'Replace', path: 'name.familyName', value: familyName },
  ],
});

export const addMember = (userId: string) => ({
  schemas: [PATCH_OP],
  Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
});

/** Okta Push Groups' removal: a filtered path (Entra's form puts the member in `value`). */
export const removeMember = (userId: string) => ({
  schemas: [PATCH_OP],
  Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }],
});

export const filterUserName = (userName: string) =>
  `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`;
