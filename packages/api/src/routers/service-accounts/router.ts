import { router } from '../../trpc.ts';
import { createServiceAccount } from './create-service-account.ts';
import { deleteServiceAccount } from './delete-service-account.ts';
import { listServiceAccounts } from './list-service-accounts.ts';

export const serviceAccountsRouter = router({
  create: createServiceAccount,
  list: listServiceAccounts,
  delete: deleteServiceAccount,
});
