import type { Connection, Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import type { OrgDoc } from '../orgs/org-model.ts';
import type { UserDoc } from '../users/user-model.ts';
import { registerSessionModel } from './session-model.ts';
import { createSessionRepository } from './session-repository.ts';
import { createSignInDirectory } from './sign-in-directory.ts';

/** The model of browser sessions. */
export const registerSessionModels = (connection: Connection) => ({ webSessions: registerSessionModel(connection) });

/** Sessions (core SessionRepository) and the cross-org reads of sign-in (SignInDirectory). */
export const createSessionStores = (
  models: ReturnType<typeof registerSessionModels> & { users: Model<UserDoc>; orgs: Model<OrgDoc> },
  reads: { sql?: SqlReads },
) => ({
  sessions: createSessionRepository(models.webSessions),
  signInDirectory: createSignInDirectory(models, reads),
});
