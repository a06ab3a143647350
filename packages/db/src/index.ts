export { createDb } from './create-db.ts';
export type { CreateDbOptions, Db } from './create-db.ts';
export { ORG_PLANS } from './orgs/org-model.ts';
export type { OrgDoc, OrgPlan } from './orgs/org-model.ts';
