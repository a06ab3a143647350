export { createDb } from './create-db.ts';
export type { CreateDbOptions, Db } from './create-db.ts';
export { ORG_PLANS } from './orgs/org-model.ts';
export type { OrgDoc, OrgPlan } from './orgs/org-model.ts';
export type { UserDoc } from './users/user-model.ts';
export { newUserDoc } from './users/user-repository.ts';
export type { GroupDoc } from './groups/group-model.ts';
export type { GroupMemberDoc } from './groups/group-member-model.ts';
export { isDuplicateKey } from './errors/is-duplicate-key.ts';
