import type { Connection, Model } from 'mongoose';
import { createAuditRepository } from '../audit/audit-repository.ts';
import { registerAuditEventModel } from '../audit/audit-model.ts';
import type { OrgDoc } from '../orgs/org-model.ts';
import { createOrgRepository } from '../orgs/org-repository.ts';
import { registerServiceAccountModel } from '../service-accounts/service-account-model.ts';
import { createServiceAccountRepository } from '../service-accounts/service-account-repository.ts';
import type { UserDoc } from '../users/user-model.ts';
import { registerKeyModel } from './key-model.ts';
import { createKeyRepository } from './key-repository.ts';
import { createKeyUsage } from './key-usage.ts';
import { registerKeyUsageModel } from './key-usage-model.ts';
import { orgAdminContacts } from './org-admin-contacts.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';

/** The models of credentials and the ledger (keys, service accounts, audit events). */
export const registerAccessModels = (connection: Connection) => ({
  keys: registerKeyModel(connection),
  keyUsage: registerKeyUsageModel(connection),
  serviceAccounts: registerServiceAccountModel(connection),
  auditEvents: registerAuditEventModel(connection),
});

type AccessModels = ReturnType<typeof registerAccessModels> & { orgs: Model<OrgDoc>; users: Model<UserDoc> };

/** Repositories implementing core's OrgRepository, KeyRepository, ServiceAccountRepository, AuditRepository. */
export const createAccessRepositories = (models: AccessModels, vc: VersionClaims, reads: { sql?: SqlReads }) => ({
  orgs: createOrgRepository(models.orgs, vc),
  keys: createKeyRepository(models.keys, createKeyUsage(models.keyUsage), vc),
  serviceAccounts: createServiceAccountRepository(models.serviceAccounts),
  audit: createAuditRepository(models.auditEvents, reads),
  /** Admins of an org who can be mailed (alerts). */
  orgAdmins: { contacts: (orgId: string) => orgAdminContacts(models.users, orgId) },
});
